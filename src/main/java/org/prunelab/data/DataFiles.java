package org.prunelab.data;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.zip.GZIPInputStream;

/**
 * File conventions shared by the dataset readers: a file may be stored plain or gzip-compressed
 * (recognised by its magic bytes {@code 1f 8b}, not by its name), and a folder may hold it as
 * {@code NAME} or {@code NAME.gz}.
 */
final class DataFiles {

  private static final int GZIP_MAGIC_1 = 0x1f;
  private static final int GZIP_MAGIC_2 = 0x8b;
  private static final int BUFFER_BYTES = 1 << 16;

  private DataFiles() {}

  /** Opens {@code file} for reading, decompressing it when it starts with the gzip magic bytes. */
  static InputStream open(Path file) throws IOException {
    InputStream raw = new BufferedInputStream(Files.newInputStream(file), BUFFER_BYTES);
    try {
      raw.mark(2);
      int b1 = raw.read();
      int b2 = raw.read();
      raw.reset();
      if (b1 == GZIP_MAGIC_1 && b2 == GZIP_MAGIC_2) {
        // not buffered again: a buffer would swallow the bytes inflated before a truncated stream's
        // EOFException
        return new GZIPInputStream(raw, BUFFER_BYTES);
      }
      return raw;
    } catch (IOException | RuntimeException e) {
      raw.close();
      throw e;
    }
  }

  /**
   * The regular file {@code folder/baseName} or, failing that, {@code folder/baseName.gz}; empty if
   * neither exists.
   */
  static Optional<Path> find(Path folder, String baseName) {
    Path plain = folder.resolve(baseName);
    if (Files.isRegularFile(plain)) {
      return Optional.of(plain);
    }
    Path gz = folder.resolve(baseName + ".gz");
    return Files.isRegularFile(gz) ? Optional.of(gz) : Optional.empty();
  }

  /** Like {@link #find} but for a file the caller has already checked is present. */
  static Path require(Path folder, String baseName) {
    return find(folder, baseName)
        .orElseThrow(
            () ->
                new DatasetException(
                    folder.resolve(baseName)
                        + " (or "
                        + baseName
                        + ".gz) is missing; put the file back in "
                        + folder));
  }
}

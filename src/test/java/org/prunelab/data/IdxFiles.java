package org.prunelab.data;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/** Writes small IDX files for tests. */
final class IdxFiles {

  private IdxFiles() {}

  /** IDX image file bytes: magic 0x803, count, rows, cols, then {@code pixels}. */
  static byte[] images(int count, int rows, int cols, byte[] pixels) {
    ByteBuffer header =
        ByteBuffer.allocate(16)
            .putInt(IdxReader.IMAGES_MAGIC)
            .putInt(count)
            .putInt(rows)
            .putInt(cols);
    return concat(header.array(), pixels);
  }

  /** IDX label file bytes: magic 0x801, count, then {@code labels}. */
  static byte[] labels(byte[] labels) {
    ByteBuffer header = ByteBuffer.allocate(8).putInt(IdxReader.LABELS_MAGIC).putInt(labels.length);
    return concat(header.array(), labels);
  }

  static byte[] gzip(byte[] data) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (OutputStream gz = new GZIPOutputStream(out)) {
      gz.write(data);
    }
    return out.toByteArray();
  }

  static Path write(Path file, byte[] data) throws IOException {
    Files.createDirectories(file.getParent());
    return Files.write(file, data);
  }

  static byte[] concat(byte[] a, byte[] b) {
    byte[] out = new byte[a.length + b.length];
    System.arraycopy(a, 0, out, 0, a.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}

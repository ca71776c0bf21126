package org.prunelab.nn;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.UUID;

/**
 * Writes a file so that it is either its old self or complete: the content goes to a temporary file
 * beside it, ".NAME.UUID.tmp" (recognisable, in the same folder so the move is atomic), which then
 * replaces the target. The temporary file is created with the process's default permissions (the
 * user's umask applies, as for any file the user writes; a temp-file API would make it 0600), is
 * deleted when writing fails, and by a shutdown hook when the JVM is stopped while it writes (not
 * on SIGKILL).
 */
public final class AtomicFiles {
  /** What fills the temporary file. */
  @FunctionalInterface
  public interface Content {
    void writeTo(Path temp) throws IOException;
  }

  private AtomicFiles() {}

  /**
   * Writes {@code file} with {@code content}, creating its folder when needed.
   *
   * @throws IOException when the folder, the temporary file or the move fails (the target is then
   *     unchanged)
   */
  public static void write(Path file, Content content) throws IOException {
    Path target = file.toAbsolutePath();
    Files.createDirectories(target.getParent());
    Path temp =
        target.resolveSibling("." + target.getFileName() + "." + UUID.randomUUID() + ".tmp");
    Files.createFile(temp);
    temp.toFile().deleteOnExit();
    try {
      content.writeTo(temp);
      try {
        Files.move(
            temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(temp);
    }
  }
}

package org.prunelab.nn;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * Writes a file so that it is either its old self or complete: the content goes to a temporary file
 * beside it, ".NAME.UUID.tmp" (recognisable, in the same folder so the move is atomic), which then
 * replaces the target. The temporary file is created with the process's default permissions (the
 * user's umask applies, as for any file the user writes; a temp-file API would make it 0600), is
 * deleted when writing fails, and by a shutdown hook when the JVM is stopped while it writes. A
 * process killed outright (SIGKILL, power loss) leaves its temporary file behind; the next write of
 * the same target removes such leftovers once they are older than {@link #STALE} (a younger one may
 * belong to a writer still at work).
 */
public final class AtomicFiles {
  /** What fills the temporary file. */
  @FunctionalInterface
  public interface Content {
    void writeTo(Path temp) throws IOException;
  }

  /** Age after which a leftover temporary file of a target is taken for a killed writer's. */
  public static final Duration STALE = Duration.ofHours(1);

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
    removeStaleTemporaries(target);
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

  /**
   * Deletes ".NAME.*.tmp" files beside {@code target} last modified more than {@link #STALE} ago.
   */
  private static void removeStaleTemporaries(Path target) throws IOException {
    String prefix = "." + target.getFileName() + ".";
    FileTime cutoff = FileTime.from(Instant.now().minus(STALE));
    try (DirectoryStream<Path> siblings =
        Files.newDirectoryStream(
            target.getParent(), p -> isTemporary(p.getFileName().toString(), prefix))) {
      for (Path leftover : siblings) {
        if (Files.isRegularFile(leftover)
            && Files.getLastModifiedTime(leftover).compareTo(cutoff) < 0) {
          Files.deleteIfExists(leftover);
        }
      }
    }
  }

  /** Whether {@code name} is PREFIX + a UUID + ".tmp", a temporary file this class makes. */
  private static boolean isTemporary(String name, String prefix) {
    if (!name.startsWith(prefix) || !name.endsWith(".tmp")) {
      return false;
    }
    String id = name.substring(prefix.length(), name.length() - ".tmp".length());
    try {
      return UUID.fromString(id).toString().equals(id);
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}

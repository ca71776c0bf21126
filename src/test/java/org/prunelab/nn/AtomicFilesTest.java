package org.prunelab.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Atomic writes leave the old file or the new one, nothing beside it, with the user's umask. */
class AtomicFilesTest {
  @TempDir Path dir;

  @Test
  void theTargetIsReplacedAndNoTemporaryFileStays() throws IOException {
    Path file = dir.resolve("model.onnx");
    Files.writeString(file, "old");
    AtomicFiles.write(file, temp -> Files.writeString(temp, "new"));
    assertEquals("new", Files.readString(file));
    assertEquals(List.of(file), listing());
  }

  @Test
  void aFailedWriteLeavesTheOldFileAndNoTemporaryFile() throws IOException {
    Path file = dir.resolve("model.plm");
    Files.writeString(file, "old");
    assertThrows(
        IOException.class,
        () ->
            AtomicFiles.write(
                file,
                temp -> {
                  Files.writeString(temp, "half");
                  throw new IOException("disk full");
                }));
    assertEquals("old", Files.readString(file));
    assertEquals(List.of(file), listing());
  }

  @Test
  void aWrittenFileGetsTheDefaultPermissionsNotThoseOfATempFile() throws IOException {
    assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
    Path plain = Files.createFile(dir.resolve("plain"));
    Path written = dir.resolve("written");
    AtomicFiles.write(written, temp -> Files.writeString(temp, "x"));
    assertEquals(Files.getPosixFilePermissions(plain), Files.getPosixFilePermissions(written));
  }

  /**
   * A killed writer's leftover (older than {@link AtomicFiles#STALE}) is removed by the next write
   * of the same target; a young one (a writer maybe still at work), another target's and a file
   * that only looks similar stay.
   */
  @Test
  void theNextWriteRemovesAKilledWritersOldLeftoverOnly() throws IOException {
    Path file = dir.resolve("model.plm");
    Path old = Files.writeString(dir.resolve(".model.plm." + UUID.randomUUID() + ".tmp"), "half");
    Files.setLastModifiedTime(
        old, FileTime.from(Instant.now().minus(AtomicFiles.STALE).minusSeconds(60)));
    Path young = Files.writeString(dir.resolve(".model.plm." + UUID.randomUUID() + ".tmp"), "x");
    Path other = Files.writeString(dir.resolve(".other.plm." + UUID.randomUUID() + ".tmp"), "x");
    Path lookalike = Files.writeString(dir.resolve(".model.plm.notes.tmp"), "mine");
    for (Path p : List.of(other, lookalike)) {
      Files.setLastModifiedTime(p, FileTime.from(Instant.now().minus(Duration.ofDays(2))));
    }
    AtomicFiles.write(file, temp -> Files.writeString(temp, "new"));
    assertEquals("new", Files.readString(file));
    assertFalse(Files.exists(old));
    assertTrue(Files.exists(young) && Files.exists(other) && Files.exists(lookalike));
  }

  private List<Path> listing() throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.toList();
    }
  }
}

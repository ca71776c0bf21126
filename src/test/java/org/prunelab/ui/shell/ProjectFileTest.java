package org.prunelab.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.prunelab.ui.ProjectFileException;

/**
 * Project files: what is written is read back, writes replace the file whole, and bad files are
 * named.
 */
class ProjectFileTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  private static ProjectFile sample() throws IOException {
    Map<String, JsonNode> sections = new LinkedHashMap<>();
    sections.put(
        "allocation",
        JSON.readTree("{\"budget\": 0.3, \"keep\": {\"conv1\": 0.5, \"conv2\": 0.25}}"));
    sections.put("sensitivity", JSON.readTree("{\"method\": \"pfp\"}"));
    return new ProjectFile(
        ProjectFile.VERSION, "/models/lenet5.plm", "fashion-mnist", "/tmp/results.db", sections);
  }

  @Test
  void writtenProjectReadsBackEqualAndAsPlainJson() throws IOException {
    Path file = dir.resolve("p.prunelab");
    sample().write(file);
    assertEquals(sample(), ProjectFile.read(file));
    JsonNode raw = JSON.readTree(file.toFile());
    assertEquals(1, raw.get("version").asInt());
    assertEquals("/models/lenet5.plm", raw.get("model").asText());
    assertEquals(0.25, raw.at("/sections/allocation/keep/conv2").asDouble());
  }

  /** A saved project has the permissions of any file the user writes, not a temp file's 0600. */
  @Test
  void aSavedProjectGetsTheUsersDefaultPermissions() throws IOException {
    assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
    Path plain = Files.createFile(dir.resolve("plain"));
    Path file = dir.resolve("p.prunelab");
    sample().write(file);
    assertEquals(Files.getPosixFilePermissions(plain), Files.getPosixFilePermissions(file));
  }

  @Test
  void rewritingReplacesTheWholeFileAndLeavesNoTemporaryFiles() throws IOException {
    Path file = dir.resolve("p.prunelab");
    Files.writeString(file, "x".repeat(100_000));
    ProjectFile small = new ProjectFile(1, "lenet5", "synthetic", "r.db", Map.of());
    small.write(file);
    assertEquals(small, ProjectFile.read(file));
    assertTrue(Files.size(file) < 1000);
    try (Stream<Path> files = Files.list(dir)) {
      assertEquals(1, files.count(), "only the project file remains");
    }
  }

  @Test
  void writingIntoAMissingFolderNamesTheFile() {
    Path file = dir.resolve("absent").resolve("p.prunelab");
    ProjectFileException e = assertThrows(ProjectFileException.class, () -> sample().write(file));
    assertTrue(
        e.getMessage().contains(file.toString()) && e.getMessage().contains("folder exists"),
        e.getMessage());
  }

  @Test
  void badFilesAreNamedWithTheirProblem() throws IOException {
    assertProblem("{\"version\": 1, \"model\": ", "not valid JSON");
    assertProblem("[1, 2]", "expected a JSON object");
    assertProblem(
        "{\"version\": 2, \"model\": \"m\", \"dataset\": \"d\", \"resultsStore\": \"r\"}",
        "version 2",
        "newer PruneLab");
    assertProblem(
        "{\"version\": 1, \"dataset\": \"d\", \"resultsStore\": \"r\"}", "'model'", "missing");
    assertProblem(
        "{\"version\": 1, \"model\": 3, \"dataset\": \"d\", \"resultsStore\": \"r\"}",
        "'model'",
        "string",
        "got 3");
    assertProblem(
        "{\"version\": 1, \"model\": \"m\", \"dataset\": \"d\", \"resultsStore\": \"r\", \"sections\": 1}",
        "'sections'");
    ProjectFileException e =
        assertThrows(
            ProjectFileException.class, () -> ProjectFile.read(dir.resolve("nothing.prunelab")));
    assertTrue(e.getMessage().contains("nothing.prunelab"), e.getMessage());
  }

  private void assertProblem(String content, String... parts) throws IOException {
    Path file = Files.writeString(dir.resolve("bad.prunelab"), content);
    ProjectFileException e = assertThrows(ProjectFileException.class, () -> ProjectFile.read(file));
    assertTrue(e.getMessage().contains("bad.prunelab"), e.getMessage());
    for (String p : parts) {
      assertTrue(e.getMessage().contains(p), "'" + p + "' in: " + e.getMessage());
    }
  }
}

package org.prunelab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.prunelab.cli.CliTest.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.prunelab.prune.allocate.AllocatorKind;
import org.prunelab.service.CompressionMethod;

/** The CLI's help and errors name exactly what the registries hold. */
class MethodRegistryCliTest {
  @Test
  void pruneHelpNamesEveryRegisteredMethodAndAllocator() {
    CliTest.Run help = cli("prune", "--help");
    assertEquals(0, help.status(), help.err());
    String text = help.out().replaceAll("\\s+", " ");
    for (String method : CompressionMethod.names()) {
      assertTrue(text.matches(".*[ :,]" + method + "[,; )].*"), method + " missing in: " + text);
    }
    for (String allocator : AllocatorKind.names()) {
      assertTrue(text.contains(allocator), allocator + " missing in: " + text);
    }
  }

  @Test
  void anUnknownMethodIsOneLineNamingTheRegisteredOnes() {
    CliTest.Run run = cli("prune", "--model", "lenet5", "--method", "obd", "--keep", "0.5");
    assertEquals(PruneLabCli.USER_ERROR, run.status());
    assertEquals(1, run.err().strip().lines().count(), run.err());
    assertTrue(run.err().contains("'obd'") && run.err().contains("alds"), run.err());
  }

  /**
   * A successor reads the formulas in the repository: every registered method has a row of its own,
   * "| `name` |", in docs/algorithms.md.
   */
  @Test
  void everyRegisteredMethodHasItsRowInTheAlgorithmsDoc() throws IOException {
    String doc = Files.readString(Path.of("docs/algorithms.md"));
    for (String method : CompressionMethod.names()) {
      assertTrue(
          doc.contains("\n| `" + method + "` |"), method + " has no row in docs/algorithms.md");
    }
  }
}

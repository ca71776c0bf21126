package org.prunelab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.prunelab.cli.CliTest.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code experiment run} and {@code experiment status} on a tiny LeNet-5 sweep. */
class ExperimentCliTest {
  @TempDir Path dir;

  @Test
  void runOneJobThenStatusShowsWhatIsLeft() throws Exception {
    assumeTrue(
        Files.isDirectory(Path.of("/usr/share/datasets/fashion-mnist")),
        "Fashion-MNIST not installed");
    Path spec = dir.resolve("tiny.yaml");
    Files.writeString(
        spec,
        """
        name: cli-tiny
        network: assets/models/lenet5-fashion-mnist.plm
        dataset: fashion-mnist
        methods: [ft]
        keep: {list: [0.5, 0.3]}
        test: {clean: true, images: 100}
        """);
    String db = dir.resolve("results.db").toString();
    CliTest.Run run = cli("experiment", "run", spec.toString(), "--store", db, "--jobs-limit", "2");
    assertEquals(0, run.status(), run.err());
    assertTrue(run.out().contains("cli-tiny"), run.out());
    assertTrue(
        run.out().contains("3 jobs, 0 finished before, 2 finished now, 0 failed, 1 remaining"),
        run.out());
    assertTrue(
        run.out()
            .lines()
            .anyMatch(l -> l.startsWith("unpruned") && l.contains("1.0000   1.0000 clean")),
        run.out());

    CliTest.Run all = cli("experiment", "status", "--store", db);
    assertEquals(0, all.status(), all.err());
    assertTrue(
        all.out().lines().anyMatch(l -> l.matches("cli-tiny\\s+[0-9a-f]{12}\\s+2\\s+3\\s+.*")),
        all.out());

    CliTest.Run one = cli("experiment", "status", spec.toString(), "--store", db);
    assertTrue(one.out().contains("to run: ft keep 0.30 rep 0"), one.out());
  }

  @Test
  void statusOfAMissingStoreSaysHowToCreateIt() {
    CliTest.Run run = cli("experiment", "status", "--store", dir.resolve("none.db").toString());
    assertEquals(PruneLabCli.USER_ERROR, run.status());
    assertTrue(
        run.err().contains("does not exist") && run.err().contains("experiment run"), run.err());
  }
}

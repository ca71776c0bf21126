package org.prunelab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/**
 * One error path for the whole command line: every option error of every command is one {@code
 * error:} line and one {@code hint:} line with status 2, and an internal error is one line naming
 * the file its stack trace went to.
 */
class CliErrorsTest {
  @TempDir Path dir;

  /** Every command and subcommand of the CLI, as the words that call it. */
  static Stream<List<String>> commands() {
    List<List<String>> all = new ArrayList<>();
    collect(new CommandLine(new PruneLabCli()), new ArrayList<>(), all);
    return all.stream();
  }

  private static void collect(CommandLine cli, List<String> words, List<List<String>> all) {
    all.add(List.copyOf(words));
    cli.getSubcommands()
        .forEach(
            (name, sub) -> {
              List<String> longer = new ArrayList<>(words);
              longer.add(name);
              collect(sub, longer, all);
            });
  }

  @ParameterizedTest(name = "prunelab {0} --no-such-option")
  @MethodSource("commands")
  void anUnknownOptionIsOneErrorLineAndOneHint(List<String> command) {
    List<String> args = new ArrayList<>(command);
    args.add("--no-such-option");
    CliTest.Run run = CliTest.cli(args.toArray(String[]::new));
    assertEquals(PruneLabCli.USER_ERROR, run.status(), run.err());
    List<String> lines = run.err().strip().lines().toList();
    assertEquals(2, lines.size(), run.err());
    // picocli names the unknown option, or first a required option the command lacks
    assertTrue(
        lines.get(0).startsWith("error: ")
            && (lines.get(0).contains("--no-such-option")
                || lines.get(0).startsWith("error: Missing required")),
        lines.get(0));
    assertEquals(
        "hint: '" + String.join(" ", concat("prunelab", command)) + " --help' lists the options",
        lines.get(1));
    assertEquals("", run.out());
  }

  @Test
  void valuesPicocliRejectsAreOneLinePlusTheHint() {
    for (List<String> args :
        List.of(
            List.of("prune", "--model", "lenet5", "--keep", "abc"),
            List.of("train", "--model", "lenet5", "--epochs", "1"),
            List.of("info", "--model", "lenet5", "--classes", "many"))) {
      CliTest.Run run = CliTest.cli(args.toArray(String[]::new));
      assertEquals(PruneLabCli.USER_ERROR, run.status(), args + ": " + run.err());
      List<String> lines = run.err().strip().lines().toList();
      assertEquals(2, lines.size(), run.err());
      assertTrue(lines.get(0).startsWith("error: "), run.err());
      assertTrue(lines.get(1).startsWith("hint: 'prunelab " + args.get(0) + " --help'"), run.err());
    }
  }

  @Test
  void aGpuTheEngineCannotUseIsOneLine() {
    CliTest.Run run = CliTest.cli("info", "--model", "lenet5", "--device", "gpu");
    if (run.status() == 0) {
      return; // a CUDA build on a machine with a GPU: gpu is a device like any other
    }
    assertEquals(PruneLabCli.USER_ERROR, run.status(), run.err());
    List<String> lines = run.err().strip().lines().toList();
    assertEquals(1, lines.size(), run.err());
    assertTrue(lines.get(0).startsWith("error: device gpu is not"), lines.get(0));
    assertTrue(lines.get(0).contains("--device cpu"), lines.get(0));
  }

  @Test
  void readOnlyCommandsRefuseAnEmptyStoreAndLeaveItEmpty() throws Exception {
    Path empty = Files.createFile(dir.resolve("empty.db"));
    for (String command : List.of("status", "report")) {
      CliTest.Run run = CliTest.cli("experiment", command, "--store", empty.toString());
      assertEquals(PruneLabCli.USER_ERROR, run.status(), command + ": " + run.err());
      List<String> lines = run.err().strip().lines().toList();
      assertEquals(1, lines.size(), run.err());
      assertTrue(lines.get(0).contains("is an empty file, not a results store"), lines.get(0));
      assertEquals(0, Files.size(empty), "experiment " + command + " wrote into the file");
    }
  }

  @Test
  void aMessageOverSeveralLinesIsFoldedOntoOne() {
    assertEquals(
        "while parsing at line 3, column 5: unexpected ':'",
        CliErrors.oneLine("while parsing\n  at line 3, column 5:\n unexpected ':'\n"));
  }

  @Test
  void anInternalErrorIsOneLineNamingItsTraceFile() throws Exception {
    StringWriter err = new StringWriter();
    CliErrors errors = new CliErrors(new PrintWriter(err), false, dir.resolve("logs"));
    int status = errors.execution(new IllegalStateException("boom"));
    assertEquals(PruneLabCli.INTERNAL_ERROR, status);
    List<String> lines = err.toString().strip().lines().toList();
    assertEquals(1, lines.size(), err.toString());
    assertTrue(lines.get(0).contains("internal error") && lines.get(0).contains("boom"));
    try (Stream<Path> files = Files.list(dir.resolve("logs"))) {
      Path trace = files.findFirst().orElseThrow();
      assertTrue(lines.get(0).contains(trace.toString()), lines.get(0));
      assertTrue(Files.readString(trace).contains("CliErrorsTest"), "the trace names the caller");
    }

    StringWriter verbose = new StringWriter();
    new CliErrors(new PrintWriter(verbose), true, dir.resolve("unused"))
        .execution(new IllegalStateException("boom"));
    assertTrue(
        verbose.toString().contains("at org.prunelab.cli.CliErrorsTest"), verbose.toString());
    assertTrue(Files.notExists(dir.resolve("unused")), "--verbose writes no file");
  }

  private static List<String> concat(String first, List<String> rest) {
    List<String> all = new ArrayList<>();
    all.add(first);
    all.addAll(rest);
    return all;
  }
}

package org.prunelab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.prunelab.cli.CliTest.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad options, each of which once reached the CLI as a bare IllegalArgumentException (or an engine
 * exception) and printed a stack trace: now each is one {@code error:} line naming the setting,
 * with exit status 2, because the CLI treats only the PruneLabException family as user errors.
 */
class CliUserErrorTest {
  @TempDir static Path dir;

  static Stream<Arguments> badOptions() {
    String model = dir.resolve("never-written.plm").toString();
    return Stream.of(
        bad(
            "--budget must be params or flops, got 'pixels'",
            "prune",
            "--model",
            "lenet5",
            "--keep",
            "0.5",
            "--budget",
            "pixels"),
        bad("keep ratio 1.5 is outside (0, 1]", "prune", "--model", "lenet5", "--keep", "1.5"),
        bad(
            "--keep and --allocation FILE conflict: the file's per-layer ratios set the size",
            "prune",
            "--model",
            "lenet5",
            "--keep",
            "0.3",
            "--allocation",
            dir.resolve("ratios.json").toString()),
        bad("give --keep R, the fraction of the model's parameters", "prune", "--model", "lenet5"),
        bad(
            "is the model read with --model: writing it would replace the input",
            "prune",
            "--model",
            model,
            "--keep",
            "0.5",
            "--out",
            model),
        bad(
            "is the model read with --model: writing it would replace the input",
            "export",
            "--model",
            model,
            "--out",
            model),
        bad(
            "is the model read with --model: writing it would replace the input",
            "train",
            "--model",
            model,
            "--out",
            model,
            "--epochs",
            "1"),
        bad(
            "--out writes one model: give one --keep with it",
            "prune",
            "--model",
            "lenet5",
            "--keep",
            "0.5,0.4",
            "--out",
            model),
        bad(
            "--epochs must be positive, got 0",
            "train",
            "--model",
            "lenet5",
            "--out",
            model,
            "--epochs",
            "0"),
        bad(
            "learning rate must be positive and finite, got -1.0",
            "train",
            "--model",
            "lenet5",
            "--out",
            model,
            "--epochs",
            "1",
            "--lr",
            "-1"),
        bad(
            "momentum must be in [0, 1), got 1.5",
            "train",
            "--model",
            "lenet5",
            "--out",
            model,
            "--epochs",
            "1",
            "--momentum",
            "1.5"),
        bad(
            "milestones must be increasing positive epochs, got [3, 2]",
            "train",
            "--model",
            "lenet5",
            "--out",
            model,
            "--epochs",
            "4",
            "--schedule",
            "multistep",
            "--milestones",
            "3,2"),
        bad(
            "validationSize must be >= 0, got -1",
            "train",
            "--model",
            "lenet5",
            "--out",
            model,
            "--epochs",
            "1",
            "--dataset",
            "synthetic",
            "--validation",
            "-1"),
        bad("--input must be CxHxW", "info", "--model", "lenet5", "--input", "3x32"),
        // sizes are multiplied with overflow checks against the largest tensor PruneLab holds
        bad(
            "more than 2147483639 elements (the largest tensor PruneLab holds)",
            "info",
            "--model",
            "lenet5",
            "--input",
            "1x100000x100000"),
        bad(
            "parameter fc2.weight has shape (1000000000, 500), more than 2147483639 elements",
            "info",
            "--model",
            "lenet5",
            "--classes",
            "1000000000"),
        bad(
            "a classifier needs at least 2 classes, got 1",
            "info",
            "--model",
            "lenet5",
            "--classes",
            "1"),
        bad(
            "--device must be auto, cpu, gpu or gpu:N (N a GPU index), got 'tpu'",
            "info",
            "--model",
            "lenet5",
            "--device",
            "tpu"),
        bad(
            "--split must be test, validation or sample, got 'train'",
            "eval",
            "--model",
            "lenet5",
            "--dataset",
            "synthetic",
            "--split",
            "train"),
        bad(
            "the validation split of synthetic (built-in) is empty; hold out images for it with"
                + " --validation N",
            "eval",
            "--model",
            "lenet5",
            "--dataset",
            "synthetic",
            "--split",
            "validation",
            "--validation",
            "0"),
        bad(
            "1000000000 verification samples has shape (1000000000, 1, 28, 28), more than",
            "verify",
            "--model",
            "lenet5",
            "--samples",
            "1000000000"),
        bad(
            "ONNX opset must be between 13 and 18, got 12",
            "verify",
            "--model",
            "lenet5",
            "--opset",
            "12"),
        bad("--threads must be positive, got 0", "bench", "--no-reference", "--threads", "0"),
        bad(
            "--tolerance is a fraction of top-1 error in [0, 1)",
            "experiment",
            "report",
            "--store",
            dir.resolve("none.db").toString(),
            "--tolerance",
            "2"));
  }

  private static Arguments bad(String expected, String... args) {
    return Arguments.of(String.join(" ", args), List.of(args), expected);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badOptions")
  void aBadOptionIsOneErrorLineWithStatusTwo(String line, List<String> args, String expected) {
    CliTest.Run run = cli(args.toArray(String[]::new));
    assertEquals(PruneLabCli.USER_ERROR, run.status(), run.err());
    List<String> lines = run.err().strip().lines().toList();
    assertEquals(1, lines.size(), run.err());
    assertTrue(lines.get(0).startsWith("error: ") && lines.get(0).contains(expected), lines.get(0));
    assertEquals("", run.out());
  }
}

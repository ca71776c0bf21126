package org.prunelab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.prunelab.cli.CliTest.cli;

import ai.djl.Device;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.prunelab.nn.Checkpoint;
import org.prunelab.nn.Network;
import org.prunelab.nn.onnx.OnnxVerifier;
import org.prunelab.nn.onnx.VerificationReport;

/** {@code prune} and {@code sensitivity} end to end on the trained LeNet-5 and Fashion-MNIST. */
class PruneCliTest {
  private static final String LENET = "assets/models/lenet5-fashion-mnist.plm";
  private static final String[] SMALL_DATA = {
    "--validation", "1000", "--sample-set", "200", "--samples", "16"
  };
  @TempDir Path dir;

  @BeforeEach
  void needsFashionMnist() {
    assumeTrue(
        Files.isDirectory(Path.of("/usr/share/datasets/fashion-mnist")),
        "Fashion-MNIST not installed");
  }

  private static String[] args(String[] head, String... tail) {
    String[] all = new String[head.length + SMALL_DATA.length + tail.length];
    System.arraycopy(head, 0, all, 0, head.length);
    System.arraycopy(SMALL_DATA, 0, all, head.length, SMALL_DATA.length);
    System.arraycopy(tail, 0, all, head.length + SMALL_DATA.length, tail.length);
    return all;
  }

  @Test
  void pruneWritesAnOnnxFileThatOnnxRuntimeRunsLikePruneLab() throws Exception {
    Path onnx = dir.resolve("pruned.onnx");
    Path plm = dir.resolve("pruned.plm");
    CliTest.Run run =
        cli(
            args(
                new String[] {"prune", "--model", LENET, "--method", "pfp", "--keep", "0.4"},
                "--no-eval",
                "--json",
                "--out",
                onnx.toString()));
    assertEquals(0, run.status(), run.err());
    JsonNode json = run.json();
    assertEquals(0.4, json.get("parameterRatio").asDouble(), 0.005);
    assertTrue(json.get("parameterRatio").asDouble() <= 0.4);
    assertEquals("optimal", json.get("allocation").asText());
    assertEquals(
        3, json.get("groups").size(), "conv1, conv2 and fc1 are LeNet-5's prunable groups");
    assertEquals(
        0,
        cli(args(
                new String[] {"prune", "--model", LENET, "--method", "pfp", "--keep", "0.4"},
                "--no-eval",
                "--out",
                plm.toString()))
            .status());
    try (Network pruned = Checkpoint.load(plm, Device.cpu())) {
      assertEquals(json.get("parameters").asLong(), pruned.parameterCount());
      VerificationReport report = OnnxVerifier.verify(pruned, onnx, 32, 5);
      assertTrue(report.passed(1e-4), report.toString());
      assertEquals(1.0, report.top1Agreement());
    }
  }

  @Test
  void lowRankMethodsWriteFactoredNetworksThatOnnxRuntimeRunsLikePruneLab() throws Exception {
    Path onnx = dir.resolve("alds.onnx");
    Path plm = dir.resolve("alds.plm");
    CliTest.Run run =
        cli(
            "prune",
            "--model",
            LENET,
            "--method",
            "alds",
            "--keep",
            "0.5",
            "--no-eval",
            "--json",
            "--out",
            onnx.toString());
    assertEquals(0, run.status(), run.err());
    assertEquals(0.5, run.json().get("parameterRatio").asDouble(), 0.0025);
    assertEquals(
        0,
        cli(
                "prune",
                "--model",
                LENET,
                "--method",
                "alds",
                "--keep",
                "0.5",
                "--no-eval",
                "--out",
                plm.toString())
            .status());
    try (Network factored = Checkpoint.load(plm, Device.cpu())) {
      assertTrue(
          factored.nodes().stream().anyMatch(n -> n.name().endsWith(".encoder")),
          "factored layers");
      VerificationReport report = OnnxVerifier.verify(factored, onnx, 32, 5);
      assertTrue(report.passed(1e-4), report.toString());
      assertEquals(1.0, report.top1Agreement());
    }
    CliTest.Run svd =
        cli(
            args(
                new String[] {"prune", "--model", LENET, "--method", "svd", "--keep", "0.5"},
                "--test-images",
                "500"));
    assertEquals(0, svd.status(), svd.err());
    assertTrue(
        svd.out().contains("rank j") && svd.out().contains("compressed test accuracy"), svd.out());
  }

  @Test
  void severalKeepRatiosShareOneScoringAndPrintATablePerRatio() {
    CliTest.Run run =
        cli(args(new String[] {"prune", "--model", LENET, "--method", "ft", "--keep", "0.9,0.5"}));
    assertEquals(0, run.status(), run.err());
    assertTrue(
        run.out().contains("keep 0.9 of parameters requested")
            && run.out().contains("keep 0.5 of parameters"),
        run.out());
    assertEquals(2, run.out().split("pruned test accuracy").length - 1, run.out());
  }

  @Test
  void sensitivityReportHasBoundsAndErrorCurves() throws Exception {
    Path report = dir.resolve("report.json");
    CliTest.Run run =
        cli(
            args(
                new String[] {"sensitivity", "--model", LENET, "--method", "pfp"},
                "--out",
                report.toString()));
    assertEquals(0, run.status(), run.err());
    assertTrue(run.out().contains("alpha_l S_l") && run.out().contains("fc1"), run.out());
    JsonNode json = new ObjectMapper().readTree(report.toFile());
    assertEquals(16, json.get("samples").asInt());
    assertEquals(4, json.get("layers").size());
    assertEquals(
        20,
        json.get("layers").get(1).get("inputChannelScores").size(),
        "conv2 reads conv1's 20 channels");
    assertEquals(3, json.get("errorCurves").size());
    JsonNode errors = json.get("errorCurves").get(0).get("errors");
    assertEquals(0, errors.get(errors.size() - 1).asDouble(), 1e-6);
  }

  @Test
  void evalUnderACorruptionLosesAccuracyAndBadNamesAreRefused() throws Exception {
    JsonNode clean = cli("eval", "--model", LENET, "--json").json();
    CliTest.Run fog =
        cli("eval", "--model", LENET, "--corruption", "fog", "--severity", "5", "--json");
    assertEquals(0, fog.status(), fog.err());
    assertEquals("fog/5", fog.json().get("corruption").asText());
    assertTrue(
        fog.json().get("top1").asDouble() < clean.get("top1").asDouble() - 0.05,
        "fog 5 " + fog.json().get("top1") + " vs clean " + clean.get("top1"));
    CliTest.Run unknown = cli("eval", "--model", LENET, "--corruption", "rain");
    assertEquals(PruneLabCli.USER_ERROR, unknown.status());
    assertTrue(unknown.err().contains("rain") && unknown.err().contains("fog"), unknown.err());
  }

  @Test
  void badBudgetsAndAllocationFilesEndWithOneLineNamingTheProblem() throws Exception {
    CliTest.Run outside =
        cli("prune", "--model", LENET, "--method", "ft", "--keep", "1.5", "--no-eval");
    assertEquals(PruneLabCli.USER_ERROR, outside.status());
    assertTrue(outside.err().contains("outside (0, 1]"), outside.err());
    Path file = dir.resolve("alloc.json");
    Files.writeString(file, "{\"conv1\": 0.5, \"conv9\": 0.5}");
    CliTest.Run unknown = pruneFtWith(file);
    assertEquals(PruneLabCli.USER_ERROR, unknown.status());
    assertTrue(unknown.err().contains("conv9") && unknown.err().contains("fc1"), unknown.err());
    CliTest.Run tooSmall =
        cli("prune", "--model", LENET, "--method", "ft", "--keep", "0.0001", "--no-eval");
    assertEquals(PruneLabCli.USER_ERROR, tooSmall.status());
    assertTrue(tooSmall.err().contains("smallest"), tooSmall.err());
    Files.writeString(file, "[1, 2");
    CliTest.Run corrupt = pruneFtWith(file);
    assertEquals(PruneLabCli.USER_ERROR, corrupt.status());
    assertTrue(corrupt.err().contains("not a JSON object"), corrupt.err());

    // a file's ratios set the size by themselves: no --keep, and the report says so
    Files.writeString(file, "{\"conv1\": 0.5}");
    CliTest.Run fromFile = pruneFtWith(file);
    assertEquals(0, fromFile.status(), fromFile.err());
    assertTrue(
        fromFile.out().startsWith("ft, per-layer keep ratios from the allocation file"),
        fromFile.out());
    assertTrue(
        Pattern.compile("conv1\\s+10\\s+20\\s").matcher(fromFile.out()).find(),
        "conv1 keeps half of its 20 channels: " + fromFile.out());
  }

  /** ft on LeNet-5 with the per-layer ratios of an allocation file, no evaluation. */
  private static CliTest.Run pruneFtWith(Path allocation) {
    return cli(
        "prune",
        "--model",
        LENET,
        "--method",
        "ft",
        "--allocation",
        allocation.toString(),
        "--no-eval");
  }
}

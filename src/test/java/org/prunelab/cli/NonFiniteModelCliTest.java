package org.prunelab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.prunelab.nn.Checkpoint;
import org.prunelab.nn.Network;

/**
 * A model with NaN and infinite weights is named as such: {@code info} warns, {@code export} and
 * {@code verify} refuse in one line naming the tensor and the count, instead of exporting NaN or
 * blaming ONNX for the difference.
 */
class NonFiniteModelCliTest {
  @TempDir Path dir;

  @Test
  void nanWeightsAreNamedByInfoExportAndVerify() throws Exception {
    Path model = dir.resolve("diverged.plm");
    try (Network net =
        Checkpoint.load(Path.of("assets/models/lenet5-fashion-mnist.plm"), Device.cpu())) {
      NDArray weight = net.parameters().get("conv1.weight");
      float[] values = weight.toFloatArray();
      values[0] = Float.NaN;
      values[7] = Float.POSITIVE_INFINITY;
      weight.set(values);
      Checkpoint.save(net, model);
    }
    String named = "the model has 2 NaN or infinite weights (conv1.weight 2)";

    CliTest.Run info = CliTest.cli("info", "--model", model.toString());
    assertEquals(0, info.status(), info.err());
    assertTrue(info.err().contains("warning: " + named), info.err());

    Path onnx = dir.resolve("diverged.onnx");
    CliTest.Run export =
        CliTest.cli("export", "--model", model.toString(), "--out", onnx.toString());
    assertOneError(export, named + "; an exported file would compute NaN");
    assertTrue(Files.notExists(onnx), "nothing written");

    CliTest.Run verify = CliTest.cli("verify", "--model", model.toString());
    assertOneError(verify, named + "; its outputs are NaN");
  }

  private static void assertOneError(CliTest.Run run, String expected) {
    assertEquals(PruneLabCli.USER_ERROR, run.status(), run.err());
    List<String> lines = run.err().strip().lines().toList();
    assertEquals(1, lines.size(), run.err());
    assertTrue(lines.get(0).startsWith("error: " + expected), lines.get(0));
  }
}

package org.prunelab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.prunelab.cli.CliTest.cli;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.prunelab.cli.CliTest.Run;
import org.prunelab.data.DataSplits;
import org.prunelab.data.Datasets;
import org.prunelab.data.ImageDataset;
import org.prunelab.data.SplitOptions;
import org.prunelab.zoo.BundledModels;

/**
 * {@code --model FILE.onnx} in the CLI: a file with symbolic sample dimensions needs {@code
 * --input-shape}, and info, verify and eval run on imported ONNX fixtures (written by PyTorch,
 * src/test/resources/onnx) with results checked against ONNX Runtime.
 */
class OnnxModelCliTest {
  private static final String FIXTURES = "src/test/resources/onnx/";
  private static final String SYMBOLIC = FIXTURES + "squeezenet_opset17_symbolic_hw_bnfolded.onnx";
  private static final String MLP = FIXTURES + "mlp_opset11.onnx";

  @TempDir Path dir;

  @Test
  void symbolicOnnxInputNeedsTheInputShapeOption() throws Exception {
    Run missing = cli("info", "--model", SYMBOLIC);
    assertEquals(PruneLabCli.USER_ERROR, missing.status());
    assertTrue(
        missing.err().startsWith("error: ")
            && missing.err().contains("--input-shape 1x28x28")
            && missing.err().contains("'height'"),
        missing.err());

    Run table = cli("info", "--model", SYMBOLIC, "--input-shape", "1x28x28");
    assertEquals(0, table.status(), table.err());
    assertTrue(
        table.out().startsWith("layer ") && table.out().contains("input 1x28x28,"), table.out());
    JsonNode json = cli("info", "--model", SYMBOLIC, "--input-shape", "1x28x28", "--json").json();
    JsonNode layers = json.get("layers");
    assertEquals(10, layers.get(layers.size() - 1).get("outputShape").get(0).asInt(), "10 classes");

    // another height and width than the fixtures': the symbolic axes follow the given shape
    JsonNode larger = cli("info", "--model", SYMBOLIC, "--input-shape", "1x40x36", "--json").json();
    assertEquals(40, larger.get("layers").get(0).get("inputShapes").get(0).get(1).asInt());
  }

  @Test
  void badInputShapesGiveOneLineErrors() {
    Run rank = cli("info", "--model", SYMBOLIC, "--input-shape", "28x28");
    assertEquals(PruneLabCli.USER_ERROR, rank.status());
    assertTrue(
        rank.err().contains("rank 2") && rank.err().contains("leave out the batch axis"),
        rank.err());

    Run fixed = cli("info", "--model", SYMBOLIC, "--input-shape", "3x28x28");
    assertEquals(PruneLabCli.USER_ERROR, fixed.status());
    assertTrue(fixed.err().contains("disagrees") && fixed.err().contains("axis 1"), fixed.err());

    for (String bad : new String[] {"1x28x", "1xtwox28", "0x28x28", "-1x28x28"}) {
      Run run = cli("info", "--model", SYMBOLIC, "--input-shape", bad);
      assertEquals(PruneLabCli.USER_ERROR, run.status(), bad);
      assertTrue(
          run.err().contains("--input-shape") && run.err().contains("'" + bad + "'"), run.err());
    }

    Run zoo = cli("info", "--model", "lenet5", "--input-shape", "1x28x28");
    assertEquals(PruneLabCli.USER_ERROR, zoo.status());
    assertTrue(zoo.err().contains("not an ONNX file") && zoo.err().contains("--input"), zoo.err());
  }

  @Test
  void verifyComparesTheImportedModelWithTheOriginalFile() throws Exception {
    Run run =
        cli(
            "verify",
            "--model",
            SYMBOLIC,
            "--input-shape",
            "1x28x28",
            "--onnx",
            SYMBOLIC,
            "--samples",
            "16",
            "--json");
    assertEquals(0, run.status(), run.err() + run.out());
    JsonNode report = run.json().get("reports").get(0);
    assertEquals(16, report.get("samples").asInt());
    assertTrue(report.get("maxRelDiff").asDouble() <= 1e-4, run.out());
    assertEquals(1.0, report.get("top1Agreement").asDouble());

    Run fresh = cli("verify", "--model", MLP);
    assertEquals(0, fresh.status(), fresh.err() + fresh.out());
    assertTrue(
        fresh.out().contains("a fresh export") && fresh.out().contains("PASSED"), fresh.out());
  }

  /**
   * eval on the synthetic test set gives the accuracy of ONNX Runtime's predictions on the same
   * inputs: the images in [0, 1], standardised by the training split's mean and std (the imported
   * file stores no normalisation).
   */
  @Test
  void evalOfAnOnnxFixtureCountsWhatOnnxRuntimePredicts() throws Exception {
    Run eval = cli("eval", "--model", MLP, "--dataset", "synthetic", "--json");
    assertEquals(0, eval.status(), eval.err());
    assertTrue(eval.err().contains("no input normalisation"), eval.err());

    DataSplits splits = DataOptions.load(Datasets.SYNTHETIC, null, new SplitOptions(5000, 1000, 0));
    ImageDataset test = splits.test();
    float mean = splits.normalization().mean()[0];
    float std = splits.normalization().std()[0];
    int n = test.size();
    float[] x = new float[n * 784];
    for (int i = 0; i < n; i++) {
      test.copyImage(i, x, i * 784);
    }
    for (int k = 0; k < x.length; k++) {
      x[k] = (x[k] - mean) / std;
    }
    float[] logits = onnxRuntime(Path.of(MLP), x, n);
    int correct = 0;
    for (int i = 0; i < n; i++) {
      int best = 0;
      for (int j = 1; j < 10; j++) {
        best = logits[i * 10 + j] > logits[i * 10 + best] ? j : best;
      }
      correct += best == test.label(i) ? 1 : 0;
    }
    JsonNode result = eval.json();
    assertEquals(n, result.get("samples").asInt());
    assertEquals((double) correct / n, result.get("top1").asDouble(), 1e-12);
  }

  @Test
  void exportedModelEvaluatesLikeItsPruneLabFile() throws Exception {
    Path plm = BundledModels.find(BundledModels.LENET5).orElseThrow();
    Path onnx = dir.resolve("lenet5.onnx");
    Run export = cli("export", "--model", plm.toString(), "--out", onnx.toString());
    assertEquals(0, export.status(), export.err());
    Run fromPlm = cli("eval", "--model", plm.toString(), "--dataset", "synthetic", "--json");
    Run fromOnnx = cli("eval", "--model", onnx.toString(), "--dataset", "synthetic", "--json");
    assertEquals(0, fromOnnx.status(), fromOnnx.err());
    assertFalse(
        fromOnnx.err().contains("no input normalisation"),
        "the export's metadata carries it: " + fromOnnx.err());
    assertEquals(
        fromPlm.json().get("top1").asDouble(), fromOnnx.json().get("top1").asDouble(), 1e-12);
    assertEquals(
        fromPlm.json().get("loss").asDouble(), fromOnnx.json().get("loss").asDouble(), 1e-5);
  }

  private static float[] onnxRuntime(Path model, float[] x, int n) throws Exception {
    OrtEnvironment env = OrtEnvironment.getEnvironment();
    try (OrtSession session = env.createSession(model.toString(), new OrtSession.SessionOptions());
        OnnxTensor input =
            OnnxTensor.createTensor(env, FloatBuffer.wrap(x), new long[] {n, 1, 28, 28});
        OrtSession.Result result =
            session.run(Map.of(session.getInputNames().iterator().next(), input))) {
      FloatBuffer out = ((OnnxTensor) result.get(0)).getFloatBuffer();
      float[] logits = new float[out.remaining()];
      out.get(logits);
      assertEquals(n * 10, logits.length);
      return logits;
    }
  }
}

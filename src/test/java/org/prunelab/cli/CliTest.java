package org.prunelab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CLI's commands end to end: output, --json, and one-line errors with exit status 2 for bad
 * input.
 */
class CliTest {
  @TempDir Path dir;

  /** Output and exit status of one CLI run. */
  record Run(int status, String out, String err) {
    JsonNode json() throws Exception {
      return new ObjectMapper().readTree(out);
    }
  }

  static Run cli(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int status = PruneLabCli.run(new PrintWriter(out), new PrintWriter(err), args);
    return new Run(status, out.toString(), err.toString());
  }

  @Test
  void infoPrintsTheLayerTableAndTotals() throws Exception {
    Run table = cli("info", "--model", "lenet5");
    assertEquals(0, table.status(), table.err());
    assertTrue(
        table.out().contains("conv2")
            && table.out().contains("431,080")
            && table.out().contains("2,293,000"),
        table.out());
    JsonNode json = cli("info", "--model", "resnet20", "--json").json();
    assertEquals(272186, json.get("parameters").asLong());
    assertEquals(31021952, json.get("macs").asLong());
    assertEquals("layer1.0.conv1", json.get("layers").get(3).get("name").asText());
  }

  @Test
  void infoOnColourInputWithWidthMultiplier() throws Exception {
    JsonNode json =
        cli(
                "info",
                "--model",
                "vgg16",
                "--input",
                "3x32x32",
                "--width",
                "0.5",
                "--classes",
                "100",
                "--json")
            .json();
    assertEquals(
        100,
        json.get("layers").get(json.get("layers").size() - 1).get("outputShape").get(0).asInt());
  }

  @Test
  void trainThenEvalOnTheSyntheticSet() throws Exception {
    Path model = dir.resolve("lenet.plm");
    Run train =
        cli(
            "train",
            "--model",
            "lenet5",
            "--width",
            "0.25",
            "--dataset",
            "synthetic",
            "--epochs",
            "1",
            "--lr",
            "0.02",
            "--validation",
            "500",
            "--sample-set",
            "100",
            "--out",
            model.toString(),
            "--json");
    assertEquals(0, train.status(), train.err());
    assertTrue(Files.isRegularFile(model));
    double trainedTop1 = train.json().get("test").get("top1").asDouble();
    assertTrue(trainedTop1 > 0.5, "synthetic classes are learnable: " + trainedTop1);
    Run eval = cli("eval", "--model", model.toString(), "--dataset", "synthetic", "--json");
    assertEquals(0, eval.status(), eval.err());
    assertEquals(
        trainedTop1,
        eval.json().get("top1").asDouble(),
        1e-9,
        "eval reproduces train's test accuracy");
  }

  @Test
  void trainWithoutAValidationSetSaysSoEachEpoch() {
    Path model = dir.resolve("no-validation.plm");
    Run train =
        cli(
            "train",
            "--model",
            "lenet-300-100",
            "--width",
            "0.05",
            "--dataset",
            "synthetic",
            "--epochs",
            "1",
            "--batch",
            "512",
            "--validation",
            "0",
            "--sample-set",
            "0",
            "--out",
            model.toString());
    assertEquals(0, train.status(), train.err());
    assertTrue(train.err().contains("epoch 1: train loss"), train.err());
    assertTrue(train.err().contains("| no validation set |"), train.err());
    assertTrue(Files.isRegularFile(model));
  }

  @Test
  void badInputGivesOneLineErrorsAndStatusTwo() {
    Run unknown = cli("info", "--model", "resnet18");
    assertEquals(PruneLabCli.USER_ERROR, unknown.status());
    assertTrue(
        unknown.err().startsWith("error: ") && unknown.err().contains("resnet20"), unknown.err());

    Run missingData = cli("eval", "--model", "lenet5", "--data", dir.resolve("nowhere").toString());
    assertEquals(PruneLabCli.USER_ERROR, missingData.status());
    assertTrue(missingData.err().contains("nowhere"), missingData.err());

    Run badShape = cli("info", "--model", "lenet5", "--input", "1x4x4");
    assertEquals(PruneLabCli.USER_ERROR, badShape.status());
    assertTrue(badShape.err().contains("conv"), badShape.err());

    Run badLr =
        cli(
            "train",
            "--model",
            "lenet5",
            "--dataset",
            "synthetic",
            "--epochs",
            "1",
            "--lr",
            "-1",
            "--out",
            dir.resolve("x.plm").toString());
    assertEquals(PruneLabCli.USER_ERROR, badLr.status());
    assertTrue(badLr.err().contains("-1"), badLr.err());
    assertTrue(!Files.exists(dir.resolve("x.plm")), "nothing written on error");
  }
}

package org.prunelab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.prunelab.cli.CliTest.cli;

import ai.onnx.proto.OnnxMl.ModelProto;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.prunelab.cli.CliTest.Run;

/**
 * {@code prunelab export} and {@code prunelab verify} end to end: files, text and JSON output, exit
 * statuses.
 */
class OnnxCliTest {
  @TempDir Path dir;

  @Test
  void exportWritesTheFileAndSaysWhatItWrote() throws Exception {
    Path file = dir.resolve("lenet5.onnx");
    Run text = cli("export", "--model", "lenet5", "--out", file.toString());
    assertEquals(0, text.status(), text.err());
    assertTrue(
        text.out().contains(file.toString())
            && text.out().contains("opset 17")
            && text.out().contains("431,080 parameters"),
        text.out());
    assertEquals(17, ModelProto.parseFrom(Files.readAllBytes(file)).getOpsetImport(0).getVersion());

    Path old = dir.resolve("lenet5-13.onnx");
    JsonNode json =
        cli("export", "--model", "lenet5", "--opset", "13", "--out", old.toString(), "--json")
            .json();
    assertEquals(13, json.get("opset").asInt());
    assertEquals(Files.size(old), json.get("bytes").asLong());
    // conv1, relu1, pool1, conv2, relu2, pool2, flatten, fc1, relu3, fc2: one ONNX node each
    assertEquals(10, json.get("nodes").asInt());
    assertEquals(8, json.get("initializers").asInt());
  }

  @Test
  void verifyPassesOnAFreshExportAndOnAnExportedFileWithRealImages() throws Exception {
    Run fresh = cli("verify", "--model", "resnet20", "--samples", "8");
    assertEquals(0, fresh.status(), fresh.err() + fresh.out());
    assertTrue(
        fresh.out().contains("random normal (seed 0), 8 samples") && fresh.out().contains("PASSED"),
        fresh.out());

    Path file = dir.resolve("lenet5.onnx");
    assertEquals(
        0, cli("export", "--model", "lenet5", "--width", "0.5", "--out", file.toString()).status());
    Run run =
        cli(
            "verify",
            "--model",
            "lenet5",
            "--width",
            "0.5",
            "--onnx",
            file.toString(),
            "--dataset",
            "synthetic",
            "--samples",
            "16",
            "--json");
    assertEquals(0, run.status(), run.err());
    JsonNode json = run.json();
    assertTrue(json.get("passed").asBoolean());
    assertEquals(2, json.get("reports").size());
    JsonNode real = json.get("reports").get(1);
    assertEquals("synthetic (built-in) test", real.get("inputs").asText());
    assertEquals(16, real.get("samples").asInt());
    assertTrue(real.get("maxRelDiff").asDouble() <= 1e-4, real.toString());
    assertEquals(1.0, real.get("top1Agreement").asDouble());
  }

  @Test
  void verifyFailsWithStatusOneWhenTheFileIsAnotherModel() throws Exception {
    Path file = dir.resolve("seed1.onnx");
    assertEquals(
        0,
        cli("export", "--model", "lenet-300-100", "--seed", "1", "--out", file.toString())
            .status());
    Run run =
        cli(
            "verify",
            "--model",
            "lenet-300-100",
            "--seed",
            "2",
            "--onnx",
            file.toString(),
            "--json");
    assertEquals(PruneLabCli.CHECK_FAILED, run.status(), run.err());
    assertFalse(run.json().get("passed").asBoolean());
    assertTrue(run.json().get("reports").get(0).get("maxRelDiff").asDouble() > 1e-2, run.out());
    Run text = cli("verify", "--model", "lenet-300-100", "--seed", "2", "--onnx", file.toString());
    assertTrue(text.out().contains("FAIL"), text.out());
  }

  @Test
  void badInputGivesOneLineErrorsAndStatusTwo() {
    Run opset =
        cli(
            "export",
            "--model",
            "lenet5",
            "--opset",
            "12",
            "--out",
            dir.resolve("x.onnx").toString());
    assertEquals(PruneLabCli.USER_ERROR, opset.status());
    assertTrue(opset.err().startsWith("error: ") && opset.err().contains("13 and 18"), opset.err());
    assertFalse(Files.exists(dir.resolve("x.onnx")), "nothing written on error");

    Run missing =
        cli("verify", "--model", "lenet5", "--onnx", dir.resolve("nowhere.onnx").toString());
    assertEquals(PruneLabCli.USER_ERROR, missing.status());
    assertTrue(missing.err().contains("nowhere.onnx"), missing.err());

    Run wrongData =
        cli("verify", "--model", "lenet5", "--input", "3x32x32", "--dataset", "synthetic");
    assertEquals(PruneLabCli.USER_ERROR, wrongData.status());
    assertTrue(wrongData.err().contains("1x28x28"), wrongData.err());

    Run samples = cli("verify", "--model", "lenet5", "--samples", "0");
    assertEquals(PruneLabCli.USER_ERROR, samples.status());
    assertTrue(samples.err().contains("--samples"), samples.err());
  }
}

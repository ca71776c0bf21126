package org.prunelab.prune;

import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.types.Shape;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.prunelab.nn.Network;
import org.prunelab.nn.onnx.OnnxExportOptions;
import org.prunelab.nn.onnx.OnnxExporter;
import org.prunelab.nn.onnx.OnnxImportOptions;
import org.prunelab.nn.onnx.OnnxImporter;
import org.prunelab.nn.onnx.OnnxVerifier;
import org.prunelab.nn.onnx.VerificationReport;

/**
 * Surgery on networks PyTorch wrote (src/test/resources/onnx): residual blocks, Fire modules
 * (Concat), MobileNetV2 inverted residuals (depthwise) and SE blocks, with BatchNorm folded and
 * kept. The pruned network equals the masked original, and its ONNX export runs in ONNX Runtime
 * with PruneLab's outputs.
 */
class OnnxFixtureSurgeryTest {
  @TempDir Path dir;

  @ParameterizedTest
  @ValueSource(
      strings = {
        "resnet_blocks_opset17_bnfolded",
        "resnet_blocks_opset17_bnkept",
        "squeezenet_opset13_bnkept",
        "squeezenet_opset17_symbolic_hw_bnfolded",
        "mobilenetv2_opset18_bnfolded",
        "mobilenetv2_opset18_bnkept",
        "senet_opset11_bnkept",
        "senet_opset13_bnfolded",
        "senet_opset18_dynamo_bnfolded",
        "vgg_opset11_bnkept",
        "lenet5_opset13_batch1",
        "mlp_opset11"
      })
  void prunedFixtureEqualsMaskedOriginalAndRunsInOnnxRuntime(String fixture) throws Exception {
    Path file = Path.of("src/test/resources/onnx", fixture + ".onnx");
    assertTrue(Files.isRegularFile(file), file + " missing");
    try (Network net =
        OnnxImporter.load(file, new OnnxImportOptions(Device.cpu(), new Shape(1, 28, 28)))) {
      ChannelGroups groups = ChannelGroups.trace(net);
      assertTrue(
          !groups.prunable().isEmpty(), fixture + " has prunable groups: " + groups.groups());
      Map<String, int[]> plan = PruneTests.randomPlan(groups, 3);
      PruneTests.checkSurgery(net, plan, fixture);
      try (Network pruned = Surgery.keep(net, plan)) {
        assertTrue(pruned.parameterCount() < net.parameterCount(), fixture);
        Path onnx = dir.resolve(fixture + "-pruned.onnx");
        OnnxExporter.export(pruned, onnx, OnnxExportOptions.defaults());
        VerificationReport report = OnnxVerifier.verify(pruned, onnx, 16, 11);
        assertTrue(report.passed(1e-4) && report.top1Agreement() == 1.0, fixture + ": " + report);
      }
    }
  }
}

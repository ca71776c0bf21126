package org.prunelab.nn.onnx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.onnx.proto.OnnxMl.AttributeProto;
import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.StringStringEntryProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnx.proto.OnnxMl.TensorShapeProto;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.prunelab.error.InvalidSettingException;
import org.prunelab.nn.Checkpoint;
import org.prunelab.nn.ModelFileException;
import org.prunelab.nn.Network;
import org.prunelab.nn.Node;
import org.prunelab.nn.layer.Layer;
import org.prunelab.zoo.BundledModels;
import org.prunelab.zoo.Zoo;
import org.prunelab.zoo.ZooOptions;

/**
 * Exported networks run in ONNX Runtime (an independent implementation of every operator) and give
 * PruneLab's outputs: each zoo model with seeded random weights, the trained models in
 * assets/models, and a hand-built network with every layer type, within 1e-4 relative (float32) and
 * with 100 % top-1 agreement on 32 standard normal inputs. The written file itself is checked by
 * re-parsing it.
 */
class OnnxExportTest {
  /**
   * Largest relative output difference accepted: float32 summation order differs between the two
   * engines.
   */
  static final double TOLERANCE = 1e-4;

  static final int SAMPLES = 32;

  @TempDir Path dir;

  private VerificationReport exportAndVerify(Network net, String name) {
    Path file = dir.resolve(name + ".onnx");
    OnnxExporter.export(net, file, OnnxExportOptions.defaults());
    VerificationReport report = OnnxVerifier.verify(net, file, SAMPLES, 11);
    System.err.printf("%s: %s%n", name, report);
    assertEquals(SAMPLES, report.samples());
    assertTrue(report.maxRelDiff() <= TOLERANCE, name + ": " + report);
    assertEquals(1.0, report.top1Agreement(), name + ": " + report);
    return report;
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"lenet-300-100", "lenet5", "vgg11", "resnet20", "resnet56"})
  void zooModelsWithRandomWeightsRunUnchangedInOnnxRuntime(String name) {
    try (Network net = Zoo.create(name, ZooOptions.grey28(), Device.cpu(), 5)) {
      exportAndVerify(net, name);
    }
  }

  @Test
  void colourZooModelAtHalfWidthRunsUnchanged() {
    try (Network net =
        Zoo.create("resnet20", ZooOptions.colour32().withWidth(0.5), Device.cpu(), 6)) {
      exportAndVerify(net, "resnet20-colour-half");
    }
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {BundledModels.DEFAULT, BundledModels.LENET5})
  void trainedModelsRunUnchanged(String fileName) {
    Path model =
        BundledModels.find(fileName)
            .orElseThrow(() -> new AssertionError(fileName + " is not in " + "assets/models"));
    try (Network net = Checkpoint.load(model, Device.cpu())) {
      exportAndVerify(net, fileName);
    }
  }

  @Test
  void everyLayerTypeRunsUnchanged() {
    try (Network net = EveryLayerNetwork.build(3)) {
      Set<Class<?>> used =
          net.nodes().stream().map(n -> n.layer().getClass()).collect(Collectors.toSet());
      Set<Class<?>> all = new HashSet<>(Arrays.asList(Layer.class.getPermittedSubclasses()));
      all.removeAll(used);
      assertTrue(all.isEmpty(), "the every-layer network misses " + all);
      exportAndVerify(net, "every-layer");
    }
  }

  @Test
  void writtenFileHasTheNetworksNamesShapesValuesAndMetadata() throws Exception {
    try (Network net = Zoo.create("resnet20", ZooOptions.grey28(), Device.cpu(), 2)) {
      net.metadata().put("input.mean", "0.286");
      Path file = dir.resolve("resnet20.onnx");
      OnnxExportSummary summary = OnnxExporter.export(net, file, OnnxExportOptions.defaults());
      byte[] bytes = Files.readAllBytes(file);
      assertArrayEquals(OnnxExporter.toBytes(net, OnnxExportOptions.defaults()), bytes);
      ModelProto model = ModelProto.parseFrom(bytes);
      assertEquals(bytes.length, summary.bytes());
      assertEquals("PruneLab", model.getProducerName());
      assertEquals(17, model.getOpsetImport(0).getVersion());
      assertEquals("", model.getOpsetImport(0).getDomain());
      Map<String, String> meta =
          model.getMetadataPropsList().stream()
              .collect(
                  Collectors.toMap(
                      StringStringEntryProto::getKey, StringStringEntryProto::getValue));
      assertEquals("resnet20", meta.get("architecture"));
      assertEquals("0.286", meta.get("input.mean"));

      GraphProto graph = model.getGraph();
      assertEquals(summary.nodes(), graph.getNodeCount());
      assertEquals("input", graph.getInput(0).getName());
      assertEquals("logits", graph.getOutput(0).getName());
      TensorShapeProto in = graph.getInput(0).getType().getTensorType().getShape();
      assertEquals("N", in.getDim(0).getDimParam());
      assertEquals(
          Arrays.asList(1L, 28L, 28L),
          in.getDimList().subList(1, 4).stream()
              .map(TensorShapeProto.Dimension::getDimValue)
              .toList());
      assertEquals(
          10, graph.getOutput(0).getType().getTensorType().getShape().getDim(1).getDimValue());

      // one ONNX node per PruneLab node here, under the same name; the last one writes "logits"
      assertEquals(
          net.nodes().stream().map(Node::name).toList(),
          graph.getNodeList().stream().map(NodeProto::getName).toList());
      NodeProto conv = node(graph, "layer2.0.conv1");
      assertEquals("Conv", conv.getOpType());
      assertEquals(Arrays.asList("layer1.2.relu2", "layer2.0.conv1.weight"), conv.getInputList());
      NodeProto bn = node(graph, "layer2.0.bn1");
      assertEquals("BatchNormalization", bn.getOpType());
      assertEquals(
          Arrays.asList("epsilon", "momentum"),
          bn.getAttributeList().stream().map(AttributeProto::getName).toList());
      assertEquals(1e-5f, bn.getAttribute(0).getF());
      assertEquals(
          0.9f, bn.getAttribute(1).getF(), 1e-7, "ONNX momentum weighs the running statistic");
      assertEquals("Add", node(graph, "layer2.0.add").getOpType());
      assertEquals("GlobalAveragePool", node(graph, "avgpool").getOpType());
      assertEquals(
          Arrays.asList("flatten", "fc.weight", "fc.bias"), node(graph, "fc").getInputList());
      assertEquals("logits", node(graph, "fc").getOutput(0));

      Map<String, TensorProto> init =
          graph.getInitializerList().stream()
              .collect(Collectors.toMap(TensorProto::getName, Function.identity()));
      assertEquals(net.parameters().keySet(), init.keySet());
      for (Map.Entry<String, NDArray> p : net.parameters().entrySet()) {
        TensorProto t = init.get(p.getKey());
        assertEquals(TensorProto.DataType.FLOAT.getNumber(), t.getDataType());
        assertArrayEquals(
            p.getValue().getShape().getShape(),
            t.getDimsList().stream().mapToLong(Long::longValue).toArray(),
            p.getKey());
        float[] raw = new float[t.getRawData().size() / 4];
        ByteBuffer.wrap(t.getRawData().toByteArray())
            .order(ByteOrder.LITTLE_ENDIAN)
            .asFloatBuffer()
            .get(raw);
        assertArrayEquals(p.getValue().toFloatArray(), raw, p.getKey());
      }
    }
  }

  @Test
  void helperNodesAndConstantsAreNamedAfterTheirNode() throws Exception {
    try (Network net = EveryLayerNetwork.build(4)) {
      GraphProto graph =
          ModelProto.parseFrom(
                  OnnxExporter.toBytes(net, OnnxExportOptions.defaults().withOpset(13)))
              .getGraph();
      assertEquals(
          Arrays.asList("silu.sigmoid", "silu"),
          graph.getNodeList().stream()
              .map(NodeProto::getName)
              .filter(n -> n.startsWith("silu"))
              .toList());
      assertEquals("Reshape", node(graph, "gated.align1").getOpType());
      assertEquals(
          Arrays.asList("gate", "gated.align1.shape"), node(graph, "gated.align1").getInputList());
      assertEquals(
          Arrays.asList("adaptive_3x3", "gated.align1"), node(graph, "gated").getInputList());
      assertEquals(Arrays.asList("sum3.partial1", "softplus"), node(graph, "sum3").getInputList());
      assertEquals(
          Arrays.asList("avgpool_include.mean", "avgpool_include.scale"),
          node(graph, "avgpool_include").getInputList());
      assertEquals("MatMul", node(graph, "adaptive_3x3").getOpType());
      assertEquals("AveragePool", node(graph, "adaptive_2x7").getOpType());
      assertEquals("Identity", node(graph, "dropout").getOpType());
      assertEquals(
          Arrays.asList("grouped", "clip.min", "clip.max"), node(graph, "clip").getInputList());
      // opset 13 has no HardSwish: x * HardSigmoid(x; 1/6, 1/2)
      assertEquals(
          Arrays.asList("up_hswish.gate", "up_hswish"),
          graph.getNodeList().stream()
              .map(NodeProto::getName)
              .filter(n -> n.startsWith("up_hswish"))
              .toList());
      assertEquals("HardSigmoid", node(graph, "up_hswish.gate").getOpType());
      assertEquals(
          Arrays.asList("up_columns", "up_hswish.gate"), node(graph, "up_hswish").getInputList());
      assertEquals(
          Arrays.asList("up", "up_pad.pads", "up_pad.value"), node(graph, "up_pad").getInputList());
      assertEquals(
          Arrays.asList("up_pad", "up_channels.starts", "up_channels.ends", "up_channels.axes"),
          node(graph, "up_channels").getInputList());
      assertEquals("ConvTranspose", node(graph, "up").getOpType());
      assertEquals(Arrays.asList("input", "centre.constant"), node(graph, "centre").getInputList());
      assertEquals("Sub", node(graph, "centre").getOpType());
      assertEquals(
          Arrays.asList("gate_shift.constant", "gate_sigmoid"),
          node(graph, "gate_shift").getInputList());
      assertEquals(
          Arrays.asList("gate.constant", "gate_shift"), node(graph, "gate").getInputList());
      assertEquals("Div", node(graph, "gate").getOpType());
      Map<String, TensorProto> init =
          graph.getInitializerList().stream()
              .collect(Collectors.toMap(TensorProto::getName, Function.identity()));
      assertEquals(Arrays.asList(0L, 0L, 1L, 2L, 0L, 0L, 0L, 1L), int64s(init.get("up_pad.pads")));
      assertEquals(Arrays.asList(3L), int64s(init.get("up_columns.axes")));
      assertEquals(Arrays.asList(1L), int64s(init.get("up_columns.starts")));
      assertEquals(Arrays.asList(25L), int64s(init.get("up_columns.ends")));

      GraphProto opset14 =
          ModelProto.parseFrom(
                  OnnxExporter.toBytes(net, OnnxExportOptions.defaults().withOpset(14)))
              .getGraph();
      assertEquals("HardSwish", node(opset14, "up_hswish").getOpType());
      assertEquals(Arrays.asList("up_columns"), node(opset14, "up_hswish").getInputList());
    }
  }

  private static List<Long> int64s(TensorProto t) {
    long[] v = new long[t.getRawData().size() / 8];
    ByteBuffer.wrap(t.getRawData().toByteArray())
        .order(ByteOrder.LITTLE_ENDIAN)
        .asLongBuffer()
        .get(v);
    return Arrays.stream(v).boxed().toList();
  }

  private static NodeProto node(GraphProto graph, String name) {
    return graph.getNodeList().stream()
        .filter(n -> n.getName().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no ONNX node " + name));
  }

  @Test
  void everySupportedOpsetRunsInOnnxRuntime() {
    try (Network net = EveryLayerNetwork.build(5)) {
      for (int opset = OnnxExportOptions.MIN_OPSET; opset <= OnnxExportOptions.MAX_OPSET; opset++) {
        Path file = dir.resolve("opset" + opset + ".onnx");
        OnnxExporter.export(net, file, OnnxExportOptions.defaults().withOpset(opset));
        VerificationReport report = OnnxVerifier.verify(net, file, 8, opset);
        assertTrue(report.passed(TOLERANCE), "opset " + opset + ": " + report);
      }
    }
  }

  @Test
  void badInputGivesClearErrors() throws Exception {
    InvalidSettingException low =
        assertThrows(InvalidSettingException.class, () -> new OnnxExportOptions(12, "logits"));
    assertTrue(
        low.getMessage().contains("12") && low.getMessage().contains("13 and 18"),
        low.getMessage());
    assertThrows(InvalidSettingException.class, () -> OnnxExportOptions.defaults().withOpset(19));
    assertThrows(InvalidSettingException.class, () -> new OnnxExportOptions(17, " "));

    Path blocker = Files.writeString(dir.resolve("a-file"), "not a folder");
    try (Network net = Zoo.create("lenet-300-100", ZooOptions.grey28(), Device.cpu(), 1)) {
      Path target = blocker.resolve("model.onnx");
      ModelFileException unwritable =
          assertThrows(
              ModelFileException.class,
              () -> OnnxExporter.export(net, target, OnnxExportOptions.defaults()));
      assertTrue(unwritable.getMessage().contains(target.toString()), unwritable.getMessage());

      OnnxExportException clash =
          assertThrows(
              OnnxExportException.class,
              () -> OnnxExporter.toModel(net, new OnnxExportOptions(17, "fc1")));
      assertTrue(
          clash.getMessage().contains("fc1") && clash.getMessage().contains("another output name"),
          clash.getMessage());
    }
    try (var files = Files.list(dir)) {
      assertEquals(1, files.count(), "no temporary file is left behind");
    }
  }
}

package org.prunelab.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.types.Shape;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.prunelab.nn.layer.BatchNorm;
import org.prunelab.nn.layer.Conv2d;
import org.prunelab.nn.layer.Flatten;
import org.prunelab.nn.layer.Linear;
import org.prunelab.nn.layer.MaxPool;
import org.prunelab.nn.layer.Relu;

/** Parameter, buffer and MAC counts per node, worked out by hand. */
class SummaryTest {

  /**
   * (8,10,10) -> dw: 8->8 groups 8, 3x3 pad 1 -> (8,10,10) -> grp: 8->4 groups 2, 3x3 -> (4,8,8) ->
   * bn -> relu -> pool 2 -> (4,4,4) -> flat 64 -> fc 64->10.
   */
  private static Network network() {
    NetworkBuilder b = Network.builder(new Shape(8, 10, 10));
    b.add("dw", new Conv2d(8, 8, 3, 3, 1, 1, 1, 1, 1, 1, 8, false), Network.INPUT);
    b.add("grp", new Conv2d(8, 4, 3, 3, 1, 1, 0, 0, 1, 1, 2, true), "dw");
    b.add("bn", BatchNorm.of(4), "grp");
    b.add("relu", new Relu(), "bn");
    b.add("pool", MaxPool.of(2), "relu");
    b.add("flat", new Flatten(), "pool");
    b.add("fc", new Linear(64, 10, true), "flat");
    return b.build(Device.cpu(), 1);
  }

  @Test
  void perNodeParametersAndMacs() {
    try (Network net = network()) {
      NetworkSummary s = net.summary();
      Map<String, LayerInfo> rows =
          s.layers().stream().collect(Collectors.toMap(LayerInfo::name, r -> r));
      assertEquals(
          List.of("dw", "grp", "bn", "relu", "pool", "flat", "fc"),
          s.layers().stream().map(LayerInfo::name).toList());
      // depthwise: weight 8 x (8/8) x 3 x 3 = 72; MACs 10*10 outputs * 8 channels * 1 input channel
      // * 9
      assertEquals(72, rows.get("dw").params());
      assertEquals(10 * 10 * 8 * 1 * 9, rows.get("dw").macs());
      // grouped: weight 4 x (8/2) x 3 x 3 = 144 + bias 4; MACs 8*8 outputs * 4 channels * 4 input
      // channels * 9
      assertEquals(148, rows.get("grp").params());
      assertEquals(8 * 8 * 4 * 4 * 9, rows.get("grp").macs());
      // BatchNorm: gamma and beta are parameters; the running statistics are buffers
      assertEquals(8, rows.get("bn").params());
      assertEquals(0, rows.get("bn").macs());
      // linear: 64*10 + 10 parameters, 64*10 MACs
      assertEquals(650, rows.get("fc").params());
      assertEquals(640, rows.get("fc").macs());
      for (String n : List.of("relu", "pool", "flat")) {
        assertEquals(0, rows.get(n).params(), n);
        assertEquals(0, rows.get(n).macs(), n);
      }
      assertEquals(72 + 148 + 8 + 650, s.parameters());
      assertEquals(8, s.buffers(), "running_mean and running_var of 4 channels");
      assertEquals(7200 + 9216 + 640, s.macs());
      assertEquals(s.parameters(), net.parameterCount());
      assertEquals(s.macs(), net.macs());
      assertArrayEquals(new long[] {8, 10, 10}, s.inputShape());
    }
  }

  @Test
  void rowsDescribeOpsInputsAndShapes() {
    try (Network net = network()) {
      LayerInfo grp = net.summary().layers().get(1);
      assertEquals("Conv2d", grp.op());
      assertEquals(List.of("dw"), grp.inputs());
      assertEquals(1, grp.inputShapes().size());
      assertArrayEquals(new long[] {8, 10, 10}, grp.inputShapes().get(0));
      assertArrayEquals(new long[] {4, 8, 8}, grp.outputShape());
      LayerInfo fc = net.summary().layers().get(6);
      assertEquals("Linear", fc.op());
      assertArrayEquals(new long[] {64}, fc.inputShapes().get(0));
      assertArrayEquals(new long[] {10}, fc.outputShape());
      assertEquals("BatchNorm", net.summary().layers().get(2).op());
      assertEquals("ReLU", net.summary().layers().get(3).op());
    }
  }

  @Test
  void runningStatisticsAreBuffersNotTrainableParameters() {
    try (Network net = network()) {
      assertTrue(net.parameters().containsKey("bn.running_mean"));
      assertTrue(net.parameters().containsKey("bn.running_var"));
      assertFalse(net.trainableParameters().containsKey("bn.running_mean"));
      assertFalse(net.trainableParameters().containsKey("bn.running_var"));
      assertTrue(net.trainableParameters().containsKey("bn.weight"));
      assertTrue(net.trainableParameters().containsKey("bn.bias"));
      assertFalse(net.specOf("bn.running_var").trainable());
      assertEquals(
          List.of(
              "dw.weight",
              "grp.weight",
              "grp.bias",
              "bn.weight",
              "bn.bias",
              "fc.weight",
              "fc.bias"),
          List.copyOf(net.trainableParameters().keySet()));
      long trainable =
          net.trainableParameters().values().stream().mapToLong(a -> a.getShape().size()).sum();
      assertEquals(net.parameterCount(), trainable);
      assertEquals(new Shape(8, 1, 3, 3), net.parameters().get("dw.weight").getShape());
      assertEquals(new Shape(4, 4, 3, 3), net.parameters().get("grp.weight").getShape());
      // BatchNorm starts as the identity: gamma 1, beta 0, mean 0, var 1
      assertArrayEquals(
          new float[] {1, 1, 1, 1}, net.parameters().get("bn.running_var").toFloatArray());
      assertArrayEquals(new float[4], net.parameters().get("bn.running_mean").toFloatArray());
    }
  }

  @Test
  void stridedAndDilatedConvolutionsCountTheirOutputPositions() {
    NetworkBuilder b = Network.builder(new Shape(3, 32, 32));
    b.add("s2", Conv2d.of(3, 16, 3, 2, 1, false), Network.INPUT); // (16, 16, 16)
    b.add("dil", new Conv2d(16, 16, 3, 3, 1, 1, 2, 2, 2, 2, 1, false), "s2"); // (16, 16, 16)
    try (Network net = b.build(Device.cpu(), 1)) {
      List<LayerInfo> rows = net.summary().layers();
      assertEquals(16L * 16 * 16 * 3 * 9, rows.get(0).macs());
      assertEquals(16 * 3 * 9, rows.get(0).params());
      assertEquals(16L * 16 * 16 * 16 * 9, rows.get(1).macs());
    }
  }
}

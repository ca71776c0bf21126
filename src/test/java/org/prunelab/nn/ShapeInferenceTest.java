package org.prunelab.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.prunelab.nn.layer.AdaptiveAvgPool;
import org.prunelab.nn.layer.Add;
import org.prunelab.nn.layer.AvgPool;
import org.prunelab.nn.layer.BatchNorm;
import org.prunelab.nn.layer.Clip;
import org.prunelab.nn.layer.Concat;
import org.prunelab.nn.layer.Conv2d;
import org.prunelab.nn.layer.Dropout;
import org.prunelab.nn.layer.Flatten;
import org.prunelab.nn.layer.Identity;
import org.prunelab.nn.layer.Layer;
import org.prunelab.nn.layer.LeakyRelu;
import org.prunelab.nn.layer.Linear;
import org.prunelab.nn.layer.MaxPool;
import org.prunelab.nn.layer.Mode;
import org.prunelab.nn.layer.Mul;
import org.prunelab.nn.layer.Relu;
import org.prunelab.nn.layer.Reshape;
import org.prunelab.nn.layer.ShapeException;
import org.prunelab.nn.layer.Sigmoid;
import org.prunelab.nn.layer.Silu;
import org.prunelab.nn.layer.Softmax;
import org.prunelab.nn.layer.Softplus;
import org.prunelab.nn.layer.Tanh;

/**
 * Per-sample output shapes of every layer, and shape errors that name the node and what it
 * expected.
 */
class ShapeInferenceTest {

  private static Shape out(Layer layer, Shape... in) {
    return layer.outputShape(List.of(in));
  }

  @Test
  void convolutionShapes() {
    // (32 + 2 - 3) / 2 + 1 = 16
    assertEquals(new Shape(8, 16, 16), out(Conv2d.of(3, 8, 3, 2, 1, true), new Shape(3, 32, 32)));
    // dilation 2: effective kernel 5, 10 - 5 + 1 = 6
    assertEquals(
        new Shape(4, 6, 6),
        out(new Conv2d(1, 4, 3, 3, 1, 1, 0, 0, 2, 2, 1, false), new Shape(1, 10, 10)));
    // groups 2, same padding
    assertEquals(
        new Shape(6, 7, 9),
        out(new Conv2d(4, 6, 3, 3, 1, 1, 1, 1, 1, 1, 2, false), new Shape(4, 7, 9)));
    // depthwise stride 2 pad 1: (10 + 2 - 3) / 2 + 1 = 5
    assertEquals(
        new Shape(8, 5, 5),
        out(new Conv2d(8, 8, 3, 3, 2, 2, 1, 1, 1, 1, 8, false), new Shape(8, 10, 10)));
    // 3x1 kernel: height 5 - 3 + 1 = 3, width unchanged
    assertEquals(
        new Shape(2, 3, 6),
        out(new Conv2d(1, 2, 3, 1, 1, 1, 0, 0, 1, 1, 1, false), new Shape(1, 5, 6)));
  }

  @Test
  void denseNormalisationAndElementWiseShapes() {
    assertEquals(new Shape(5), out(new Linear(12, 5, true), new Shape(12)));
    assertEquals(new Shape(4, 5, 5), out(BatchNorm.of(4), new Shape(4, 5, 5)));
    assertEquals(new Shape(4), out(BatchNorm.of(4), new Shape(4)));
    Shape s = new Shape(3, 4, 5);
    for (Layer l :
        List.of(
            new Relu(),
            Clip.relu6(),
            new LeakyRelu(0.01),
            new Sigmoid(),
            new Tanh(),
            new Silu(),
            new Softplus(),
            new Dropout(0.5),
            new Identity())) {
      assertEquals(s, out(l, s), l.op() + " keeps the shape");
    }
    assertEquals(new Shape(10), out(new Softmax(1), new Shape(10)));
    assertEquals(new Shape(2, 10), out(new Softmax(2), new Shape(2, 10)));
  }

  @Test
  void poolingShapes() {
    assertEquals(new Shape(3, 3, 3), out(MaxPool.of(2), new Shape(3, 7, 7)));
    // ceil mode: span (6 - 3) = 3 -> ceil(3 / 2) + 1 = 3 (floor gives 2)
    assertEquals(new Shape(1, 3, 3), out(new MaxPool(3, 3, 2, 2, 0, 0, true), new Shape(1, 6, 6)));
    assertEquals(new Shape(1, 2, 2), out(new MaxPool(3, 3, 2, 2, 0, 0, false), new Shape(1, 6, 6)));
    // ceil mode with padding: ceil((5 + 2 - 2) / 2) + 1 = 4, but the 4th window would start at 6 >=
    // 5 + 1 (inside
    // the right padding only), so PyTorch drops it: 3
    assertEquals(new Shape(1, 3, 3), out(new MaxPool(2, 2, 2, 2, 1, 1, true), new Shape(1, 5, 5)));
    // (8 + 2 - 3) / 2 + 1 = 4
    assertEquals(
        new Shape(2, 4, 4), out(new AvgPool(3, 3, 2, 2, 1, 1, false, true), new Shape(2, 8, 8)));
    assertEquals(new Shape(2, 3, 3), out(new AdaptiveAvgPool(3, 3), new Shape(2, 5, 5)));
    assertEquals(new Shape(7, 1, 1), out(AdaptiveAvgPool.global(), new Shape(7, 4, 4)));
  }

  @Test
  void reshapingAndMultiInputShapes() {
    assertEquals(new Shape(24), out(new Flatten(), new Shape(2, 3, 4)));
    assertEquals(new Shape(4, 6), out(new Reshape(new long[] {4, 6}), new Shape(24)));
    assertEquals(new Shape(4, 6), out(new Reshape(new long[] {4, 6}), new Shape(2, 3, 4)));
    assertEquals(new Shape(2, 4, 4), out(new Add(), new Shape(2, 4, 4), new Shape(2, 1, 1)));
    assertEquals(new Shape(3, 4, 4), out(new Add(), new Shape(1, 4, 4), new Shape(3, 1, 1)));
    assertEquals(
        new Shape(2, 4, 4),
        out(new Mul(), new Shape(2, 4, 4), new Shape(2, 1, 1), new Shape(2, 4, 4)));
    assertEquals(
        new Shape(6, 4, 4),
        out(new Concat(), new Shape(2, 4, 4), new Shape(3, 4, 4), new Shape(1, 4, 4)));
    assertEquals(new Shape(8), out(new Concat(), new Shape(5), new Shape(3)));
  }

  @Test
  void builderRecordsShapesOfEveryNode() {
    NetworkBuilder b = Network.builder(new Shape(1, 28, 28));
    b.add("conv", Conv2d.of(1, 6, 5, 1, 0, true), Network.INPUT);
    b.add("pool", MaxPool.of(2), "conv");
    b.add("flat", new Flatten(), "pool");
    b.add("fc", new Linear(864, 10, true), "flat");
    assertEquals(new Shape(1, 28, 28), b.shapeOf(Network.INPUT));
    assertEquals(new Shape(6, 24, 24), b.shapeOf("conv"));
    assertEquals(new Shape(6, 12, 12), b.shapeOf("pool"));
    assertEquals(new Shape(864), b.shapeOf("flat"));
    try (Network net = b.build(Device.cpu(), 1)) {
      assertEquals(new Shape(10), net.outputShape());
      assertEquals(new Shape(6, 12, 12), net.shapeOf("pool"));
    }
  }

  // ---------------------------------------------------------------- errors name the node

  /** Adds the node and expects a ShapeException naming it; the failed node must not be added. */
  private static ShapeException rejects(
      NetworkBuilder b, String name, Layer layer, String... inputs) {
    ShapeException e = assertThrows(ShapeException.class, () -> b.add(name, layer, inputs));
    assertTrue(
        e.getMessage().contains("'" + name + "'"),
        "message should name node '" + name + "': " + e.getMessage());
    assertThrows(
        IllegalArgumentException.class, () -> b.shapeOf(name), "a rejected node is not added");
    return e;
  }

  private static void assertMentions(ShapeException e, String... parts) {
    for (String p : parts) {
      assertTrue(
          e.getMessage().contains(p), "message should mention '" + p + "': " + e.getMessage());
    }
  }

  @Test
  void linearAfterAConvolutionWithoutFlatten() {
    NetworkBuilder b = Network.builder(new Shape(1, 8, 8));
    b.add("conv", Conv2d.of(1, 4, 3, 1, 1, false), Network.INPUT);
    assertMentions(
        rejects(b, "fc", new Linear(256, 10, true), "conv"), "Flatten", "256", "(4, 8, 8)");
  }

  @Test
  void linearWithTheWrongNumberOfFeatures() {
    NetworkBuilder b = Network.builder(new Shape(12));
    assertMentions(
        rejects(b, "fc", new Linear(10, 2, true), Network.INPUT), "10 input features", "(12)");
  }

  @Test
  void convolutionWithTheWrongChannelCount() {
    NetworkBuilder b = Network.builder(new Shape(1, 28, 28));
    assertMentions(
        rejects(b, "conv", Conv2d.of(3, 8, 3, 1, 1, false), Network.INPUT),
        "3 input channels",
        "got 1");
  }

  @Test
  void convolutionOnAFlatInput() {
    NetworkBuilder b = Network.builder(new Shape(16));
    assertMentions(rejects(b, "conv", Conv2d.of(1, 8, 3, 1, 1, false), Network.INPUT), "(C, H, W)");
  }

  @Test
  void addWithNonBroadcastableShapes() {
    NetworkBuilder b = Network.builder(new Shape(2, 4, 4));
    b.add("c", Conv2d.of(2, 3, 1, 1, 0, false), Network.INPUT);
    assertMentions(rejects(b, "sum", new Add(), Network.INPUT, "c"), "broadcast");
    assertMentions(rejects(b, "prod", new Mul(), Network.INPUT, "c"), "broadcast");
  }

  @Test
  void concatWithDifferentSpatialSizes() {
    NetworkBuilder b = Network.builder(new Shape(1, 4, 4));
    b.add("pool", MaxPool.of(2), Network.INPUT);
    assertMentions(rejects(b, "cat", new Concat(), Network.INPUT, "pool"), "Concat");
  }

  @Test
  void kernelsLargerThanTheInput() {
    NetworkBuilder b = Network.builder(new Shape(1, 3, 3));
    assertMentions(
        rejects(b, "big", Conv2d.of(1, 1, 5, 1, 0, false), Network.INPUT), "does not fit");
    assertMentions(rejects(b, "pool", MaxPool.of(4), Network.INPUT), "does not fit");
    assertMentions(rejects(b, "avg", AvgPool.of(4), Network.INPUT), "does not fit");
    rejects(b, "adaptive", new AdaptiveAvgPool(4, 4), Network.INPUT);
    // a dilated 3x3 kernel spans 5 cells
    assertMentions(
        rejects(b, "dilated", new Conv2d(1, 1, 3, 3, 1, 1, 0, 0, 2, 2, 1, false), Network.INPUT),
        "does not fit");
  }

  @Test
  void otherBadShapesNameTheNode() {
    NetworkBuilder b = Network.builder(new Shape(4, 5, 5));
    rejects(b, "bn", BatchNorm.of(3), Network.INPUT);
    assertMentions(
        rejects(b, "reshape", new Reshape(new long[] {7, 7}), Network.INPUT), "49", "100");
    rejects(b, "softmax", new Softmax(4), Network.INPUT);
    assertMentions(
        rejects(b, "pool", new MaxPool(2, 2, 1, 1, 2, 2, false), Network.INPUT), "padding");
  }

  @Test
  void forwardOnABatchOfTheWrongShapeNamesTheExpectedShape() {
    NetworkBuilder b = Network.builder(new Shape(1, 4, 4));
    b.add("conv", Conv2d.of(1, 2, 3, 1, 1, false), Network.INPUT);
    b.add("flat", new Flatten(), "conv");
    try (Network net = b.build(Device.cpu(), 1);
        NDManager m = NDManager.newBaseManager(Device.cpu())) {
      ShapeException colour =
          assertThrows(
              ShapeException.class, () -> net.forward(m.zeros(new Shape(2, 3, 4, 4)), Mode.EVAL));
      assertTrue(colour.getMessage().contains("(N, 1, 4, 4)"), colour.getMessage());
      assertTrue(
          colour.getMessage().contains("(2, 3, 4, 4)"),
          "and the shape it got: " + colour.getMessage());
      ShapeException unbatched =
          assertThrows(
              ShapeException.class, () -> net.forward(m.zeros(new Shape(1, 4, 4)), Mode.EVAL));
      assertTrue(unbatched.getMessage().contains("(N, 1, 4, 4)"), unbatched.getMessage());
      ShapeException resized =
          assertThrows(
              ShapeException.class,
              () -> net.forward(m.zeros(new Shape(2, 1, 5, 5)), ForwardOptions.of(Mode.TRAIN)));
      assertTrue(resized.getMessage().contains("(N, 1, 4, 4)"), resized.getMessage());
      // the right shape works
      assertEquals(
          new Shape(2, 32), net.forward(m.zeros(new Shape(2, 1, 4, 4)), Mode.EVAL).getShape());
    }
  }
}

package org.prunelab.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.prunelab.nn.NnTests.assertClose;
import static org.prunelab.nn.NnTests.f;
import static org.prunelab.nn.NnTests.params;
import static org.prunelab.nn.NnTests.range1;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.prunelab.nn.layer.Clip;
import org.prunelab.nn.layer.ConstantArithmetic;
import org.prunelab.nn.layer.ConstantArithmetic.Operation;
import org.prunelab.nn.layer.ConvTranspose2d;
import org.prunelab.nn.layer.HardSigmoid;
import org.prunelab.nn.layer.HardSwish;
import org.prunelab.nn.layer.Layer;
import org.prunelab.nn.layer.Mode;
import org.prunelab.nn.layer.Pad;
import org.prunelab.nn.layer.Relu;
import org.prunelab.nn.layer.ShapeException;
import org.prunelab.nn.layer.Slice;

/**
 * Forward passes of the layers that ONNX import added (HardSigmoid, HardSwish, Slice, Pad,
 * ConstantArithmetic, ConvTranspose2d) on tiny tensors whose outputs are worked out by hand in the
 * comments, and their round trip through a checkpoint. Tolerance: {@link NnTests#REL}.
 */
class ImportLayerForwardTest {
  private static NDManager manager;

  @TempDir Path dir;

  @BeforeAll
  static void open() {
    manager = NDManager.newBaseManager(Device.cpu());
  }

  @AfterAll
  static void close() {
    manager.close();
  }

  private static float[] run(
      Layer layer, Shape batch, float[] x, Map<String, float[]> values, Shape expectedOut) {
    NetworkBuilder b = Network.builder(batch.slice(1));
    b.add("n", layer, Network.INPUT);
    try (Network net = b.build(Device.cpu(), NnTests.exact(values));
        NDManager m = manager.newSubManager()) {
      NDArray out = net.forward(m.create(x, batch), Mode.EVAL);
      assertEquals(expectedOut, out.getShape(), "output shape");
      return out.toFloatArray();
    }
  }

  @Test
  void hardSigmoidClampsTheLine() {
    // alpha 0.2, beta 0.5: x = -5 -> 0 (clamped), -1 -> 0.3, 0 -> 0.5, 2 -> 0.9, 3 -> 1.1 clamped
    // to 1
    float[] y =
        run(
            new HardSigmoid(0.2, 0.5),
            new Shape(1, 5),
            f(-5, -1, 0, 2, 3),
            Map.of(),
            new Shape(1, 5));
    assertClose(f(0, 0.3, 0.5, 0.9, 1), y, "hard sigmoid");
  }

  @Test
  void hardSigmoidOfPyTorchIsRelu6OfXPlus3Over6() {
    // relu6(x + 3) / 6: x = -4 -> 0, -3 -> 0, 0 -> 0.5, 1.5 -> 0.75, 4 -> 1
    float[] y =
        run(
            HardSigmoid.pytorch(),
            new Shape(1, 5),
            f(-4, -3, 0, 1.5, 4),
            Map.of(),
            new Shape(1, 5));
    assertClose(f(0, 0, 0.5, 0.75, 1), y, "pytorch hard sigmoid");
  }

  @Test
  void hardSwishIsXTimesRelu6OfXPlus3Over6() {
    // x relu6(x + 3) / 6: -4 -> 0, -1 -> -1 * 2/6 = -1/3, 0 -> 0, 1 -> 4/6 = 2/3, 5 -> 5 (gate
    // saturates at 1)
    float[] y =
        run(new HardSwish(), new Shape(1, 5), f(-4, -1, 0, 1, 5), Map.of(), new Shape(1, 5));
    assertClose(f(0, -1.0 / 3, 0, 2.0 / 3, 5), y, "hard swish");
  }

  @Test
  void sliceKeepsAChannelRange() {
    // 4 channels of 2 values each, 1..8; channels [1, 3) are values 3..6
    float[] y =
        run(
            Slice.channels(1, 3),
            new Shape(1, 4, 1, 2),
            range1(8),
            Map.of(),
            new Shape(1, 2, 1, 2));
    assertClose(f(3, 4, 5, 6), y, "slice channels 1..3");
  }

  @Test
  void sliceAlongWidth() {
    // batched axis 3 is W: [[1,2,3],[4,5,6]] columns [1, 3) -> [[2,3],[5,6]]
    float[] y =
        run(new Slice(3, 1, 3), new Shape(1, 1, 2, 3), range1(6), Map.of(), new Shape(1, 1, 2, 2));
    assertClose(f(2, 3, 5, 6), y, "slice width 1..3");
  }

  @Test
  void sliceOutsideTheInputIsAShapeError() {
    NetworkBuilder b = Network.builder(new Shape(4, 2, 2));
    assertThrows(ShapeException.class, () -> b.add("n", Slice.channels(2, 5), Network.INPUT));
  }

  @Test
  void padAddsRowsAndColumnsOnEachSideSeparately() {
    // [[1,2],[3,4]] with top 1, bottom 0, left 0, right 2, value 9:
    // row 0: 9 9 9 9; row 1: 1 2 9 9; row 2: 3 4 9 9
    float[] y =
        run(
            new Pad(1, 0, 0, 2, 9),
            new Shape(1, 1, 2, 2),
            f(1, 2, 3, 4),
            Map.of(),
            new Shape(1, 1, 3, 4));
    assertClose(f(9, 9, 9, 9, 1, 2, 9, 9, 3, 4, 9, 9), y, "pad (1, 0, 0, 2) with 9");
  }

  @Test
  void zeroPadOnTheBottomRight() {
    // ZeroPad2d((0, 1, 0, 1)) of [[5]]: [[5, 0], [0, 0]]
    float[] y =
        run(Pad.zeros(0, 1, 0, 1), new Shape(1, 1, 1, 1), f(5), Map.of(), new Shape(1, 1, 2, 2));
    assertClose(f(5, 0, 0, 0), y, "zero pad bottom right");
  }

  @Test
  void convTransposeWithStrideSpreadsEachCellOverAKernelBlock() {
    // [[1,2],[3,4]], 2x2 kernel of ones, stride 2: every cell becomes a 2x2 block of its value;
    // plus bias 0.5
    float[] y =
        run(
            new ConvTranspose2d(1, 1, 2, 2, 2, 2, 0, 0, 0, 0, 1, 1, 1, true),
            new Shape(1, 1, 2, 2),
            f(1, 2, 3, 4),
            params("n.weight", f(1, 1, 1, 1), "n.bias", f(0.5)),
            new Shape(1, 1, 4, 4));
    assertClose(
        f(1.5, 1.5, 2.5, 2.5, 1.5, 1.5, 2.5, 2.5, 3.5, 3.5, 4.5, 4.5, 3.5, 3.5, 4.5, 4.5),
        y,
        "transposed conv stride 2");
  }

  @Test
  void convTransposeAddsOverlappingKernelCopies() {
    // x = [[1, 10]], kernel [[1,2],[3,4]], stride 1: y[i][j] = sum x[a][b] k[i-a][j-b]:
    // row 0: 1, 1*2 + 10*1 = 12, 10*2 = 20; row 1: 3, 1*4 + 10*3 = 34, 10*4 = 40
    float[] y =
        run(
            new ConvTranspose2d(1, 1, 2, 2, 1, 1, 0, 0, 0, 0, 1, 1, 1, false),
            new Shape(1, 1, 1, 2),
            f(1, 10),
            params("n.weight", f(1, 2, 3, 4)),
            new Shape(1, 1, 2, 3));
    assertClose(f(1, 12, 20, 3, 34, 40), y, "transposed conv overlap");
  }

  @Test
  void convTransposePaddingCropsTheBorder() {
    // the stride-2 case above with padding 1 drops one row and column on each side: the inner 2x2
    // of the 4x4,
    // [[1, 2], [3, 4]]; output padding 1 adds back one row and column at the bottom/right: 3x3
    float[] y =
        run(
            new ConvTranspose2d(1, 1, 2, 2, 2, 2, 1, 1, 1, 1, 1, 1, 1, false),
            new Shape(1, 1, 2, 2),
            f(1, 2, 3, 4),
            params("n.weight", f(1, 1, 1, 1)),
            new Shape(1, 1, 3, 3));
    assertClose(f(1, 2, 2, 3, 4, 4, 3, 4, 4), y, "transposed conv padding 1, output padding 1");
  }

  @Test
  void convTransposeWithStrideThreeAndPaddingBeyondTheKernel() {
    // [1, 2, 3, 4] with stride 3 spreads to [1,0,0,2,0,0,3,0,0,4]; a 1x1 kernel of 5 scales it;
    // padding 2 (more than
    // kernel - 1) crops two columns on each side: [0, 10, 0, 0, 15, 0]
    float[] y =
        run(
            new ConvTranspose2d(1, 1, 1, 1, 1, 3, 0, 2, 0, 0, 1, 1, 1, false),
            new Shape(1, 1, 1, 4),
            f(1, 2, 3, 4),
            params("n.weight", f(5)),
            new Shape(1, 1, 1, 6));
    assertClose(f(0, 10, 0, 0, 15, 0), y, "transposed conv stride 3, padding 2");
  }

  @Test
  void constantArithmeticWithAScalar() {
    // (x - 0.5) on [1, 2, 3] = [0.5, 1.5, 2.5]; 0.5 - x = [-0.5, -1.5, -2.5]; x / 4 = [0.25, 0.5,
    // 0.75];
    // 6 / x = [6, 3, 2]; x + 1 = [2, 3, 4]; x * 3 = [3, 6, 9]
    Shape b = new Shape(1, 3);
    long[] scalar = {1};
    assertClose(
        f(0.5, 1.5, 2.5),
        run(
            new ConstantArithmetic(Operation.SUB, false, scalar),
            b,
            f(1, 2, 3),
            params("n.constant", f(0.5)),
            b),
        "x - 0.5");
    assertClose(
        f(-0.5, -1.5, -2.5),
        run(
            new ConstantArithmetic(Operation.SUB, true, scalar),
            b,
            f(1, 2, 3),
            params("n.constant", f(0.5)),
            b),
        "0.5 - x");
    assertClose(
        f(0.25, 0.5, 0.75),
        run(
            new ConstantArithmetic(Operation.DIV, false, scalar),
            b,
            f(1, 2, 3),
            params("n.constant", f(4)),
            b),
        "x / 4");
    assertClose(
        f(6, 3, 2),
        run(
            new ConstantArithmetic(Operation.DIV, true, scalar),
            b,
            f(1, 2, 3),
            params("n.constant", f(6)),
            b),
        "6 / x");
    assertClose(
        f(2, 3, 4),
        run(
            new ConstantArithmetic(Operation.ADD, false, scalar),
            b,
            f(1, 2, 3),
            params("n.constant", f(1)),
            b),
        "x + 1");
    assertClose(
        f(3, 6, 9),
        run(
            new ConstantArithmetic(Operation.MUL, false, scalar),
            b,
            f(1, 2, 3),
            params("n.constant", f(3)),
            b),
        "x * 3");
  }

  @Test
  void constantArithmeticBroadcastsPerChannelOverABatch() {
    // two samples of (2 channels, 1 x 2); constant (2, 1, 1) = [10, 100] added per channel:
    // sample 0 [1,2 | 3,4] -> [11,12 | 103,104]; sample 1 [5,6 | 7,8] -> [15,16 | 107,108]
    Shape b = new Shape(2, 2, 1, 2);
    float[] y =
        run(
            new ConstantArithmetic(Operation.ADD, false, new long[] {2, 1, 1}),
            b,
            range1(8),
            params("n.constant", f(10, 100)),
            b);
    assertClose(f(11, 12, 103, 104, 15, 16, 107, 108), y, "per-channel constant");
  }

  @Test
  void constantArithmeticIsABufferAndItsResultBelongsToTheBatch() {
    NetworkBuilder b = Network.builder(new Shape(3));
    b.add("n", new ConstantArithmetic(Operation.SUB, true, new long[] {3}), Network.INPUT);
    try (Network net = b.build(Device.cpu(), NnTests.exact(params("n.constant", f(1, 2, 3))));
        NDManager m = manager.newSubManager()) {
      assertEquals(Map.of(), net.trainableParameters());
      NDArray out = net.forward(m.create(f(1, 1, 1), new Shape(1, 3)), Mode.EVAL);
      assertEquals(m, out.getManager(), "c - x must not stay in the network's manager");
      assertClose(f(0, 1, 2), out.toFloatArray(), "c - x");
    }
  }

  @Test
  void gradientsFlowThroughTheNewLayers() {
    // d/dx sum(hardswish(x)) at x = 1 is (2x + 3) / 6 = 5/6; d/dx of a channel slice is 1 inside, 0
    // outside;
    // d/dx sum(2 / x) at x = 2 is -2 / x^2 = -0.5
    NetworkBuilder b = Network.builder(new Shape(2));
    b.add("s", new Slice(1, 0, 1), Network.INPUT);
    b.add("h", new HardSwish(), "s");
    b.add("d", new ConstantArithmetic(Operation.DIV, true, new long[] {1}), "h");
    try (Network net = b.build(Device.cpu(), NnTests.exact(params("d.constant", f(2))));
        NDManager m = manager.newSubManager()) {
      NDArray x = m.create(f(1, 7), new Shape(1, 2));
      x.setRequiresGradient(true);
      try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
        NDArray y = net.forward(x, Mode.TRAIN);
        gc.backward(y.sum());
      }
      // y = 2 / hardswish(x0), hardswish(1) = 2/3: dy/dx0 = -2 / (2/3)^2 * 5/6 = -3.75
      assertClose(
          f(-3.75, 0), x.getGradient().toFloatArray(), "gradient through slice, hard swish, c / x");
    }
  }

  @Test
  void newLayersSurviveACheckpointRoundTrip() {
    NetworkBuilder b = Network.builder(new Shape(2, 2, 2));
    b.add("pad", new Pad(0, 1, 1, 0, Double.NEGATIVE_INFINITY), Network.INPUT);
    b.add("slice", Slice.channels(0, 1), "pad");
    b.add("clip", new Clip(Double.NEGATIVE_INFINITY, 6), "slice");
    b.add("hs", new HardSigmoid(0.2, 0.5), "clip");
    b.add("hw", new HardSwish(), "hs");
    b.add("norm", new ConstantArithmetic(Operation.MUL, false, new long[] {1, 1, 3}), "hw");
    b.add("relu", new Relu(), "norm");
    Path file = dir.resolve("m" + Checkpoint.EXTENSION);
    try (Network net =
        b.build(Device.cpu(), NnTests.exact(params("norm.constant", f(2, -3, 0.5))))) {
      Checkpoint.save(net, file);
      try (Network loaded = Checkpoint.load(file, Device.cpu());
          NDManager m = manager.newSubManager()) {
        assertEquals(net.nodes(), loaded.nodes());
        NDArray x = m.create(range1(8), new Shape(1, 2, 2, 2));
        assertArrayEquals(
            net.forward(x, Mode.EVAL).toFloatArray(), loaded.forward(x, Mode.EVAL).toFloatArray());
      }
    }
  }
}

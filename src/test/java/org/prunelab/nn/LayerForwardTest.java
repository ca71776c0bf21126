package org.prunelab.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.prunelab.nn.NnTests.assertClose;
import static org.prunelab.nn.NnTests.f;
import static org.prunelab.nn.NnTests.filled;
import static org.prunelab.nn.NnTests.params;
import static org.prunelab.nn.NnTests.range1;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
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
import org.prunelab.nn.layer.Sigmoid;
import org.prunelab.nn.layer.Silu;
import org.prunelab.nn.layer.Softmax;
import org.prunelab.nn.layer.Softplus;
import org.prunelab.nn.layer.Tanh;

/**
 * A forward pass of every layer type on tiny tensors whose outputs are worked out by hand (the
 * working is in the comments). Parameters are given exactly through a parameter source. Tolerance:
 * {@link NnTests#REL}, 1e-5 relative (absolute below magnitude 1).
 */
class LayerForwardTest {
  private static final double LN2 = Math.log(2);
  private static final double LN3 = Math.log(3);

  private static NDManager manager;

  @BeforeAll
  static void open() {
    manager = NDManager.newBaseManager(Device.cpu());
  }

  @AfterAll
  static void close() {
    manager.close();
  }

  /** A network with one node "n" reading the input. */
  private static Network single(Shape sample, Layer layer, Map<String, float[]> values) {
    NetworkBuilder b = Network.builder(sample);
    b.add("n", layer, Network.INPUT);
    return b.build(Device.cpu(), NnTests.exact(values));
  }

  /**
   * Runs the network on x (batched shape given), checks the output shape and returns the output
   * values.
   */
  private static float[] run(Network net, Shape batch, float[] x, Mode mode, Shape expectedOut) {
    try (NDManager m = manager.newSubManager()) {
      NDArray out = net.forward(m.create(x, batch), mode);
      assertEquals(expectedOut, out.getShape(), "output shape");
      return out.toFloatArray();
    }
  }

  private static float[] runSingle(
      Layer layer,
      Shape batch,
      float[] x,
      Map<String, float[]> values,
      Mode mode,
      Shape expectedOut) {
    try (Network net = single(batch.slice(1), layer, values)) {
      return run(net, batch, x, mode, expectedOut);
    }
  }

  private static float[] eval(Layer layer, Shape batch, float[] x, Shape expectedOut) {
    return runSingle(layer, batch, x, Map.of(), Mode.EVAL, expectedOut);
  }

  // ---------------------------------------------------------------- Conv2d

  @Test
  void conv2dWithStrideIsCrossCorrelation() {
    // x(i,j) = 4i + j + 1 on 4x4, kernel [[1,2],[3,4]], stride 2: y = v + 2(v+1) + 3(v+4) + 4(v+5)
    // = 10v + 34 with
    // v = x at the window's top-left (1, 3, 9, 11); plus bias 0.5. A flipped kernel (true
    // convolution) gives 10v+16.
    float[] y =
        runSingle(
            new Conv2d(1, 1, 2, 2, 2, 2, 0, 0, 1, 1, 1, true),
            new Shape(1, 1, 4, 4),
            range1(16),
            params("n.weight", f(1, 2, 3, 4), "n.bias", f(0.5)),
            Mode.EVAL,
            new Shape(1, 1, 2, 2));
    assertClose(f(44.5, 64.5, 124.5, 144.5), y, "conv stride 2");
  }

  @Test
  void conv2dWithPaddingCountsOnlyInputPositions() {
    // 3x3 ones, 3x3 kernel of ones, padding 1: each output counts the input cells under the window.
    float[] y =
        runSingle(
            Conv2d.of(1, 1, 3, 1, 1, false),
            new Shape(1, 1, 3, 3),
            filled(9, 1f),
            params("n.weight", filled(9, 1f)),
            Mode.EVAL,
            new Shape(1, 1, 3, 3));
    assertClose(f(4, 6, 4, 6, 9, 6, 4, 6, 4), y, "conv padding 1");
  }

  @Test
  void conv2dPadsHeightAndWidthSeparately() {
    // 1x1 kernel of 2, padding (1, 0) on [[1,2],[3,4]]: a zero row above and below, no extra
    // columns.
    float[] y =
        runSingle(
            new Conv2d(1, 1, 1, 1, 1, 1, 1, 0, 1, 1, 1, false),
            new Shape(1, 1, 2, 2),
            f(1, 2, 3, 4),
            params("n.weight", f(2)),
            Mode.EVAL,
            new Shape(1, 1, 4, 2));
    assertClose(f(0, 0, 2, 4, 6, 8, 0, 0), y, "conv padding (1, 0)");
  }

  @Test
  void conv2dWithDilation() {
    // x(i,j) = 5i + j on 5x5, kernel [[1,2],[3,4]] with dilation 2 reads x(i,j), x(i,j+2),
    // x(i+2,j), x(i+2,j+2):
    // y = v + 2(v+2) + 3(v+10) + 4(v+12) = 10v + 82, output 3x3 with v = 0,1,2,5,6,7,10,11,12.
    float[] x = new float[25];
    for (int i = 0; i < 25; i++) {
      x[i] = i;
    }
    float[] y =
        runSingle(
            new Conv2d(1, 1, 2, 2, 1, 1, 0, 0, 2, 2, 1, false),
            new Shape(1, 1, 5, 5),
            x,
            params("n.weight", f(1, 2, 3, 4)),
            Mode.EVAL,
            new Shape(1, 1, 3, 3));
    assertClose(f(82, 92, 102, 132, 142, 152, 182, 192, 202), y, "conv dilation 2");
  }

  @Test
  void conv2dWithTwoGroupsMixesChannelsOnlyWithinAGroup() {
    // 4 -> 2 channels, groups 2, 1x1: out0 = 1 x0 + 10 x1, out1 = 100 x2 + 1000 x3.
    // x0 = [1,2], x1 = [3,4], x2 = [5,6], x3 = [7,8]: out0 = [31, 42], out1 = [7500, 8600].
    float[] y =
        runSingle(
            new Conv2d(4, 2, 1, 1, 1, 1, 0, 0, 1, 1, 2, false),
            new Shape(1, 4, 1, 2),
            range1(8),
            params("n.weight", f(1, 10, 100, 1000)),
            Mode.EVAL,
            new Shape(1, 2, 1, 2));
    assertClose(f(31, 42, 7500, 8600), y, "conv groups 2");
  }

  @Test
  void depthwiseConv2dFiltersEachChannelAlone() {
    // 3 channels, groups 3, 2x2 kernel on 2x2: ch0 ones . [1,2,3,4] + 0.5 = 10.5; ch1 [1,0,0,-1] .
    // [5,6,7,8] = -3;
    // ch2 [2,2,2,2] . [-1,-1,-1,-1] + 1 = -7.
    float[] y =
        runSingle(
            Conv2d.of(3, 3, 2, 1, 0, true).withGroups(3),
            new Shape(1, 3, 2, 2),
            f(1, 2, 3, 4, 5, 6, 7, 8, -1, -1, -1, -1),
            params("n.weight", f(1, 1, 1, 1, 1, 0, 0, -1, 2, 2, 2, 2), "n.bias", f(0.5, 0, 1)),
            Mode.EVAL,
            new Shape(1, 3, 1, 1));
    assertClose(f(10.5, -3, -7), y, "depthwise conv");
  }

  // ---------------------------------------------------------------- Linear

  @Test
  void linearWithBias() {
    // W = [[1,0,-1],[0.5,0.5,0.5]], b = [1,-1]; x = [1,2,3] -> [-2+1, 3-1]; x = [4,5,6] -> [-2+1,
    // 7.5-1].
    float[] y =
        runSingle(
            new Linear(3, 2, true),
            new Shape(2, 3),
            f(1, 2, 3, 4, 5, 6),
            params("n.weight", f(1, 0, -1, 0.5, 0.5, 0.5), "n.bias", f(1, -1)),
            Mode.EVAL,
            new Shape(2, 2));
    assertClose(f(-1, 2, -1, 6.5), y, "linear with bias");
  }

  @Test
  void linearWithoutBias() {
    float[] y =
        runSingle(
            new Linear(3, 2, false),
            new Shape(2, 3),
            f(1, 2, 3, 4, 5, 6),
            params("n.weight", f(1, 0, -1, 0.5, 0.5, 0.5)),
            Mode.EVAL,
            new Shape(2, 2));
    assertClose(f(-2, 3, -2, 7.5), y, "linear without bias");
  }

  // ---------------------------------------------------------------- BatchNorm

  @Test
  void batchNorm1dEvalUsesRunningStatistics() {
    // eps 0.25 so that var + eps = 4 and 1: y = gamma (x - mu) / sqrt(var + eps) + beta.
    // column 0: mu 1, sd 2, gamma 2, beta 0.5: x = 1, 3 -> 0.5, 2.5; column 1: mu 2, sd 1, gamma 1,
    // beta -1:
    // x = 2, 4 -> -1, 1.
    Map<String, float[]> p =
        params(
            "n.weight",
            f(2, 1),
            "n.bias",
            f(0.5, -1),
            "n.running_mean",
            f(1, 2),
            "n.running_var",
            f(3.75, 0.75));
    try (Network net = single(new Shape(2), new BatchNorm(2, 0.25, 0.1), p)) {
      float[] y = run(net, new Shape(2, 2), f(1, 2, 3, 4), Mode.EVAL, new Shape(2, 2));
      assertClose(f(0.5, -1, 2.5, 1), y, "BatchNorm1d eval");
      assertClose(
          f(1, 2),
          net.parametersOf("n").get("running_mean").toFloatArray(),
          "eval mode must not move the running mean");
      assertClose(
          f(3.75, 0.75),
          net.parametersOf("n").get("running_var").toFloatArray(),
          "eval mode must not move the running variance");
    }
  }

  @Test
  void batchNorm2dEvalUsesRunningStatisticsPerChannel() {
    // eps 0.25; ch0: mu 2, sd 2, gamma 1, beta 0: [0,4] -> [-1,1]; ch1: mu 0, sd 1, gamma 3, beta
    // 1: [1,-1] -> [4,-2].
    float[] y =
        runSingle(
            new BatchNorm(2, 0.25, 0.1),
            new Shape(1, 2, 1, 2),
            f(0, 4, 1, -1),
            params(
                "n.weight",
                f(1, 3),
                "n.bias",
                f(0, 1),
                "n.running_mean",
                f(2, 0),
                "n.running_var",
                f(3.75, 0.75)),
            Mode.EVAL,
            new Shape(1, 2, 1, 2));
    assertClose(f(-1, 1, 4, -2), y, "BatchNorm2d eval");
  }

  @Test
  void batchNorm1dTrainUsesBatchStatisticsAndMovesRunningStatsWithUnbiasedVariance() {
    // PyTorch defaults eps 1e-5, momentum 0.1. Rows [0,1],[0,2],[4,3],[4,6].
    // column 0 = [0,0,4,4]: mean 2, deviations [-2,-2,2,2], biased var 4, unbiased var 16/3.
    // column 1 = [1,2,3,6]: mean 3, deviations [-2,-1,0,3], biased var 3.5, unbiased var 14/3.
    // Normalisation uses the biased variance; gamma [2,1], beta [0,0.5].
    double s0 = Math.sqrt(4 + 1e-5);
    double s1 = Math.sqrt(3.5 + 1e-5);
    Map<String, float[]> p =
        params(
            "n.weight",
            f(2, 1),
            "n.bias",
            f(0, 0.5),
            "n.running_mean",
            f(1, -1),
            "n.running_var",
            f(2, 0.5));
    try (Network net = single(new Shape(2), BatchNorm.of(2), p)) {
      float[] y = run(net, new Shape(4, 2), f(0, 1, 0, 2, 4, 3, 4, 6), Mode.TRAIN, new Shape(4, 2));
      assertClose(
          f(-4 / s0, -2 / s1 + 0.5, -4 / s0, -1 / s1 + 0.5, 4 / s0, 0.5, 4 / s0, 3 / s1 + 0.5),
          y,
          "BatchNorm1d train output (batch statistics, biased variance)");
      // running = 0.9 running + 0.1 batch: mean [0.9 + 0.2, -0.9 + 0.3], var [1.8 + 1.6/3, 0.45 +
      // 1.4/3]
      assertClose(
          f(1.1, -0.6),
          net.parametersOf("n").get("running_mean").toFloatArray(),
          "running mean after one train step (momentum 0.1)");
      assertClose(
          f(1.8 + 0.1 * 16 / 3.0, 0.45 + 0.1 * 14 / 3.0),
          net.parametersOf("n").get("running_var").toFloatArray(),
          "running variance after one train step (momentum 0.1, UNBIASED batch variance)");
    }
  }

  @Test
  void batchNorm2dTrainPoolsBatchAndSpaceAndMovesRunningStats() {
    // (N=2, C=2, 1, 2): ch0 values {1,3,5,7}: mean 4, biased var 5, unbiased 20/3; ch1 {0,0,2,2}:
    // mean 1, var 1,
    // unbiased 4/3. gamma [1,2], beta [0,-1].
    double s0 = Math.sqrt(5 + 1e-5);
    double s1 = Math.sqrt(1 + 1e-5);
    Map<String, float[]> p =
        params(
            "n.weight",
            f(1, 2),
            "n.bias",
            f(0, -1),
            "n.running_mean",
            f(0, 0),
            "n.running_var",
            f(1, 1));
    try (Network net = single(new Shape(2, 1, 2), BatchNorm.of(2), p)) {
      float[] y =
          run(
              net,
              new Shape(2, 2, 1, 2),
              f(1, 3, 0, 0, 5, 7, 2, 2),
              Mode.TRAIN,
              new Shape(2, 2, 1, 2));
      assertClose(
          f(-3 / s0, -1 / s0, -2 / s1 - 1, -2 / s1 - 1, 1 / s0, 3 / s0, 2 / s1 - 1, 2 / s1 - 1),
          y,
          "BatchNorm2d train output");
      assertClose(
          f(0.4, 0.1),
          net.parametersOf("n").get("running_mean").toFloatArray(),
          "BatchNorm2d running mean after one train step");
      assertClose(
          f(0.9 + 0.1 * 20 / 3.0, 0.9 + 0.1 * 4 / 3.0),
          net.parametersOf("n").get("running_var").toFloatArray(),
          "BatchNorm2d running variance after one train step (unbiased)");
    }
  }

  // ---------------------------------------------------------------- element-wise activations

  @Test
  void relu() {
    assertClose(
        f(0, 0, 0, 0.5, 3),
        eval(new Relu(), new Shape(1, 5), f(-2, -0.5, 0, 0.5, 3), new Shape(1, 5)),
        "ReLU");
  }

  @Test
  void clipAndRelu6() {
    assertClose(
        f(0, 3, 6, 6),
        eval(Clip.relu6(), new Shape(1, 4), f(-1, 3, 6, 7.5), new Shape(1, 4)),
        "ReLU6");
    assertClose(
        f(-1, 0.5, 1),
        eval(new Clip(-1, 1), new Shape(1, 3), f(-2, 0.5, 2), new Shape(1, 3)),
        "Clip(-1, 1)");
  }

  @Test
  void leakyRelu() {
    assertClose(
        f(-0.2, 0, 3),
        eval(new LeakyRelu(0.1), new Shape(1, 3), f(-2, 0, 3), new Shape(1, 3)),
        "LeakyReLU(0.1)");
  }

  @Test
  void sigmoid() {
    // sigmoid(ln 3) = 1 / (1 + 1/3) = 3/4
    assertClose(
        f(0.5, 0.75, 0.25),
        eval(new Sigmoid(), new Shape(1, 3), f(0, LN3, -LN3), new Shape(1, 3)),
        "Sigmoid");
  }

  @Test
  void tanh() {
    // tanh(ln 2) = (2 - 1/2) / (2 + 1/2) = 0.6
    assertClose(
        f(0, 0.6, -0.6),
        eval(new Tanh(), new Shape(1, 3), f(0, LN2, -LN2), new Shape(1, 3)),
        "Tanh");
  }

  @Test
  void silu() {
    // x sigmoid(x): ln3 * 3/4, -ln3 * 1/4
    assertClose(
        f(0, 0.75 * LN3, -0.25 * LN3),
        eval(new Silu(), new Shape(1, 3), f(0, LN3, -LN3), new Shape(1, 3)),
        "SiLU");
  }

  @Test
  void softplus() {
    // log(1 + e^x): log 2, log(1 + 3) = log 4, log(1 + 1/3) = log(4/3)
    assertClose(
        f(LN2, Math.log(4), Math.log(4 / 3.0)),
        eval(new Softplus(), new Shape(1, 3), f(0, LN3, -LN3), new Shape(1, 3)),
        "Softplus");
  }

  // ---------------------------------------------------------------- pooling

  @Test
  void maxPool() {
    // 4x4 of 1..16, 2x2 windows: the bottom-right of each window.
    assertClose(
        f(6, 8, 14, 16),
        eval(MaxPool.of(2), new Shape(1, 1, 4, 4), range1(16), new Shape(1, 1, 2, 2)),
        "MaxPool 2");
  }

  @Test
  void maxPoolPaddingCountsAsMinusInfinity() {
    // -[[1,2,3],[4,5,6],[7,8,9]], 3x3 window, stride 2, padding 1 -> 2x2 output whose windows see
    // {-1,-2,-4,-5}, {-2,-3,-5,-6}, {-4,-5,-7,-8}, {-5,-6,-8,-9}: a zero padding would give 0
    // everywhere.
    float[] x = range1(9);
    for (int i = 0; i < 9; i++) {
      x[i] = -x[i];
    }
    assertClose(
        f(-1, -2, -4, -5),
        eval(new MaxPool(3, 3, 2, 2, 1, 1, false), new Shape(1, 1, 3, 3), x, new Shape(1, 1, 2, 2)),
        "MaxPool padding 1");
  }

  @Test
  void maxPoolCeilModeKeepsThePartialWindow() {
    // 5x5 of 1..25 (x(i,j) = 5i + j + 1), 2x2 stride 2 with ceil: windows rows {0,1},{2,3},{4} x
    // cols the same,
    // maxima at (1,1)=7, (1,3)=9, (1,4)=10, (3,1)=17, (3,3)=19, (3,4)=20, (4,1)=22, (4,3)=24,
    // (4,4)=25.
    assertClose(
        f(7, 9, 10, 17, 19, 20, 22, 24, 25),
        eval(
            new MaxPool(2, 2, 2, 2, 0, 0, true),
            new Shape(1, 1, 5, 5),
            range1(25),
            new Shape(1, 1, 3, 3)),
        "MaxPool ceil mode");
  }

  @Test
  void avgPool() {
    // 4x4 of 1..16: (1+2+5+6)/4, (3+4+7+8)/4, (9+10+13+14)/4, (11+12+15+16)/4
    assertClose(
        f(3.5, 5.5, 11.5, 13.5),
        eval(AvgPool.of(2), new Shape(1, 1, 4, 4), range1(16), new Shape(1, 1, 2, 2)),
        "AvgPool 2");
  }

  @Test
  void avgPoolCountIncludePadDividesByTheWholeWindow() {
    // [[1,2],[3,4]], 2x2 window, stride 1, padding 1 -> 3x3; window sums 1,3,2 / 4,10,6 / 3,7,4,
    // all divided by 4.
    assertClose(
        f(0.25, 0.75, 0.5, 1, 2.5, 1.5, 0.75, 1.75, 1),
        eval(
            new AvgPool(2, 2, 1, 1, 1, 1, false, true),
            new Shape(1, 1, 2, 2),
            f(1, 2, 3, 4),
            new Shape(1, 1, 3, 3)),
        "AvgPool count_include_pad=true");
  }

  @Test
  void avgPoolExcludingPadDividesByTheInputCellsOnly() {
    // same window sums divided by the number of input cells under the window: 1,2,1 / 2,4,2 /
    // 1,2,1.
    assertClose(
        f(1, 1.5, 2, 2, 2.5, 3, 3, 3.5, 4),
        eval(
            new AvgPool(2, 2, 1, 1, 1, 1, false, false),
            new Shape(1, 1, 2, 2),
            f(1, 2, 3, 4),
            new Shape(1, 1, 3, 3)),
        "MAIN-CODE BUG: AvgPool(countIncludePad=false) divides by the whole window: AvgPool.forward passes the flag "
            + "to DJL Pool.avgPool2d, whose PyTorch JNI (torchNNAvgPool) never sets count_include_pad, so libtorch's "
            + "default (true) is always used");
  }

  @Test
  void globalAveragePooling() {
    // ch0 mean of [1,2,3,4] = 2.5; ch1 mean of [0,0,0,8] = 2; spatial axes kept as 1x1.
    assertClose(
        f(2.5, 2),
        eval(
            AdaptiveAvgPool.global(),
            new Shape(1, 2, 2, 2),
            f(1, 2, 3, 4, 0, 0, 0, 8),
            new Shape(1, 2, 1, 1)),
        "global average pooling");
  }

  @Test
  void adaptiveAvgPoolUsesPyTorchsOverlappingBins() {
    // 5 -> 3: bin i covers floor(5i/3) .. ceil(5(i+1)/3) - 1 = {0,1}, {1,2,3}, {3,4} (overlapping).
    // x(i,j) = r_i + c_j, r = [0,6,0,0,12], c = [0,0,3,0,9]: bin means of r: 3, 2, 6; of c: 0, 1,
    // 4.5;
    // y(a,b) = R_a + C_b. (Disjoint bins {0,1},{2},{3,4} would give R = 3, 0, 6.)
    double[] r = {0, 6, 0, 0, 12};
    double[] c = {0, 0, 3, 0, 9};
    float[] x = new float[25];
    for (int i = 0; i < 5; i++) {
      for (int j = 0; j < 5; j++) {
        x[5 * i + j] = (float) (r[i] + c[j]);
      }
    }
    assertClose(
        f(3, 4, 7.5, 2, 3, 6.5, 6, 7, 10.5),
        eval(new AdaptiveAvgPool(3, 3), new Shape(1, 1, 5, 5), x, new Shape(1, 1, 3, 3)),
        "adaptive 5x5 -> 3x3");
  }

  // ---------------------------------------------------------------- shape layers

  @Test
  void flattenKeepsTheBatchAxisAndChannelMajorOrder() {
    assertClose(
        range1(8),
        eval(new Flatten(), new Shape(2, 2, 1, 2), range1(8), new Shape(2, 4)),
        "Flatten");
  }

  @Test
  void reshapeKeepsTheBatchAxis() {
    assertClose(
        range1(12),
        eval(new Reshape(new long[] {3, 2}), new Shape(2, 6), range1(12), new Shape(2, 3, 2)),
        "Reshape");
  }

  // ---------------------------------------------------------------- multi-input layers

  /** input (2,2,2) -> gap = global average (2,1,1) -> op(input, gap). */
  private static float[] withChannelMeans(Layer op, float[] x) {
    NetworkBuilder b = Network.builder(new Shape(2, 2, 2));
    b.add("gap", AdaptiveAvgPool.global(), Network.INPUT);
    b.add("op", op, Network.INPUT, "gap");
    try (Network net = b.build(Device.cpu(), NnTests.exact(Map.of()))) {
      return run(net, new Shape(2, 2, 2, 2), x, Mode.EVAL, new Shape(2, 2, 2, 2));
    }
  }

  // sample 0: ch0 [1,2,3,4] (mean 2.5), ch1 [0,0,0,4] (mean 1); sample 1: ch0 all -1 (mean -1), ch1
  // all 2 (mean 2)
  private static final float[] NCHW = f(1, 2, 3, 4, 0, 0, 0, 4, -1, -1, -1, -1, 2, 2, 2, 2);

  @Test
  void addBroadcastsPerChannelValues() {
    assertClose(
        f(3.5, 4.5, 5.5, 6.5, 1, 1, 1, 5, -2, -2, -2, -2, 4, 4, 4, 4),
        withChannelMeans(new Add(), NCHW),
        "Add (N,C,H,W) + (N,C,1,1)");
  }

  @Test
  void mulBroadcastsPerChannelValues() {
    assertClose(
        f(2.5, 5, 7.5, 10, 0, 0, 0, 4, 1, 1, 1, 1, 4, 4, 4, 4),
        withChannelMeans(new Mul(), NCHW),
        "Mul (N,C,H,W) * (N,C,1,1)");
  }

  @Test
  void addOfThreeInputs() {
    NetworkBuilder b = Network.builder(new Shape(3));
    b.add("r", new Relu(), Network.INPUT);
    b.add("sum", new Add(), Network.INPUT, "r", "r");
    try (Network net = b.build(Device.cpu(), NnTests.exact(Map.of()))) {
      // x + 2 relu(x): [-1, 2, 0] -> [-1, 6, 0]
      assertClose(
          f(-1, 6, 0),
          run(net, new Shape(1, 3), f(-1, 2, 0), Mode.EVAL, new Shape(1, 3)),
          "Add x3");
    }
  }

  @Test
  void addAlignsPerSampleShapesOfDifferentRankLikeItsShapeInference() {
    // Shape inference broadcasts per-sample shapes (1,3,3) + (3) -> (1,3,3): each sample adds ITS
    // OWN 3-vector to
    // every row. Sample n is constant n, its column means are [n,n,n], so the sum must be 2n
    // everywhere.
    NetworkBuilder b = Network.builder(new Shape(1, 3, 3));
    b.add("rowmean", new AdaptiveAvgPool(1, 3), Network.INPUT);
    b.add("vec", new Flatten(), "rowmean");
    b.add("sum", new Add(), Network.INPUT, "vec");
    assertEquals(new Shape(1, 3, 3), b.shapeOf("sum"));
    float[] x = new float[27];
    float[] expected = new float[27];
    for (int n = 0; n < 3; n++) {
      for (int k = 0; k < 9; k++) {
        x[9 * n + k] = n;
        expected[9 * n + k] = 2 * n;
      }
    }
    try (Network net = b.build(Device.cpu(), NnTests.exact(Map.of()))) {
      float[] y = run(net, new Shape(3, 1, 3, 3), x, Mode.EVAL, new Shape(3, 1, 3, 3));
      assertClose(
          expected,
          y,
          "MAIN-CODE BUG: Add/Mul broadcast the BATCHED arrays, so a per-sample (3) input is "
              + "aligned with the last two axes of (N,1,3,3) and mixes samples (sample i's vector lands on row i); shape "
              + "inference (Broadcast.shape) aligns per-sample shapes instead");
    }
  }

  @Test
  void concatJoinsChannelsOfEachSample() {
    // x and relu(x) along channels; sample 0 [-1,0,2], sample 1 [3,-4,5].
    NetworkBuilder b = Network.builder(new Shape(1, 1, 3));
    b.add("r", new Relu(), Network.INPUT);
    b.add("cat", new Concat(), Network.INPUT, "r");
    try (Network net = b.build(Device.cpu(), NnTests.exact(Map.of()))) {
      float[] y =
          run(net, new Shape(2, 1, 1, 3), f(-1, 0, 2, 3, -4, 5), Mode.EVAL, new Shape(2, 2, 1, 3));
      assertClose(f(-1, 0, 2, 0, 0, 2, 3, -4, 5, 3, 0, 5), y, "Concat along channels");
    }
  }

  // ---------------------------------------------------------------- Dropout, Identity, Softmax

  @Test
  void dropoutIsTheIdentityInEvalMode() {
    assertClose(
        f(1, -2, 3),
        eval(new Dropout(0.5), new Shape(1, 3), f(1, -2, 3), new Shape(1, 3)),
        "Dropout eval");
  }

  @Test
  void dropoutInTrainModeZeroesAboutRateAndScalesSurvivors() {
    Engine.getInstance().setRandomSeed(42);
    int n = 20000;
    float[] y =
        runSingle(
            new Dropout(0.25),
            new Shape(1, n),
            filled(n, 1f),
            Map.of(),
            Mode.TRAIN,
            new Shape(1, n));
    int zeros = 0;
    for (float v : y) {
      if (v == 0f) {
        zeros++;
      } else {
        assertEquals(1 / 0.75, v, 1e-5, "a surviving activation is scaled by 1 / (1 - rate)");
      }
    }
    double fraction = zeros / (double) n;
    // binomial standard deviation sqrt(0.25 * 0.75 / 20000) = 0.003: 0.02 is more than 6 standard
    // deviations
    assertTrue(
        Math.abs(fraction - 0.25) < 0.02,
        "dropped fraction " + fraction + " should be close to 0.25");
  }

  @Test
  void identityHandsOnItsInput() {
    assertClose(
        f(1, -2, 3),
        eval(new Identity(), new Shape(1, 3), f(1, -2, 3), new Shape(1, 3)),
        "Identity eval");
    assertClose(
        f(1, -2, 3),
        runSingle(
            new Identity(), new Shape(1, 3), f(1, -2, 3), Map.of(), Mode.TRAIN, new Shape(1, 3)),
        "Identity train");
  }

  @Test
  void softmaxOverClasses() {
    // exp(0), exp(ln2), exp(ln3) = 1, 2, 3 -> 1/6, 1/3, 1/2; a constant row gives 1/3 each.
    assertClose(
        f(1 / 6.0, 1 / 3.0, 0.5, 1 / 3.0, 1 / 3.0, 1 / 3.0),
        eval(new Softmax(1), new Shape(2, 3), f(0, LN2, LN3, 5, 5, 5), new Shape(2, 3)),
        "Softmax axis 1");
  }

  @Test
  void softmaxAlongTheChosenAxis() {
    // per sample [[0, ln3], [ln2, 0]]: along axis 2 (rows) [1/4, 3/4], [2/3, 1/3];
    // along axis 1 (columns) col0 [0, ln2] -> [1/3, 2/3], col1 [ln3, 0] -> [3/4, 1/4].
    float[] x = f(0, LN3, LN2, 0);
    assertClose(
        f(0.25, 0.75, 2 / 3.0, 1 / 3.0),
        eval(new Softmax(2), new Shape(1, 2, 2), x, new Shape(1, 2, 2)),
        "Softmax axis 2");
    assertClose(
        f(1 / 3.0, 0.75, 2 / 3.0, 0.25),
        eval(new Softmax(1), new Shape(1, 2, 2), x, new Shape(1, 2, 2)),
        "Softmax axis 1");
  }
}

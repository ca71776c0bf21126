package org.prunelab.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.prunelab.nn.NnTests.assertClose;
import static org.prunelab.nn.NnTests.f;
import static org.prunelab.nn.NnTests.params;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.prunelab.nn.layer.Add;
import org.prunelab.nn.layer.BatchNorm;
import org.prunelab.nn.layer.Conv2d;
import org.prunelab.nn.layer.Identity;
import org.prunelab.nn.layer.LeakyRelu;
import org.prunelab.nn.layer.Linear;
import org.prunelab.nn.layer.Mode;
import org.prunelab.nn.layer.Relu;
import org.prunelab.nn.layer.Sigmoid;

/**
 * BatchNorm folding in eval mode gives the unfolded function (tolerance {@link NnTests#REL}: 1e-5
 * relative, absolute below 1); activation capture returns the right tensors; an Identity's array
 * survives for all its readers.
 */
class FoldingAndCaptureTest {
  private static final Shape BATCH = new Shape(2, 2, 5, 5);

  private NDManager manager;

  @BeforeEach
  void open() {
    manager = NDManager.newBaseManager(Device.cpu());
  }

  @AfterEach
  void close() {
    manager.close();
  }

  private static float[] gaussian(Random r, int n, double scale, double shift) {
    float[] v = new float[n];
    for (int i = 0; i < n; i++) {
      v[i] = (float) (shift + scale * r.nextGaussian());
    }
    return v;
  }

  // BN statistics far from the identity, one negative scale.
  private static final float[] GAMMA = f(0.5, 1.5, -0.8);
  private static final float[] BETA = f(0.1, -0.2, 0.3);
  private static final float[] MEAN = f(0.3, -0.5, 1.0);
  private static final float[] VAR = f(0.5, 2.0, 0.1);

  private static Map<String, float[]> convBnParams(String conv, String bn, Random r) {
    Map<String, float[]> p = new LinkedHashMap<>();
    p.put(conv + ".weight", gaussian(r, 3 * 2 * 9, 0.5, 0));
    p.put(conv + ".bias", gaussian(r, 3, 0.2, 0));
    p.put(bn + ".weight", GAMMA);
    p.put(bn + ".bias", BETA);
    p.put(bn + ".running_mean", MEAN);
    p.put(bn + ".running_var", VAR);
    return p;
  }

  /** conv (2 -> 3, 3x3, pad 1, bias) -> bn -> relu. */
  private static Network convBnRelu() {
    NetworkBuilder b = Network.builder(BATCH.slice(1));
    b.add("conv", Conv2d.of(2, 3, 3, 1, 1, true), Network.INPUT);
    b.add("bn", BatchNorm.of(3), "conv");
    b.add("relu", new Relu(), "bn");
    return b.build(Device.cpu(), NnTests.exact(convBnParams("conv", "bn", new Random(3))));
  }

  private NDArray input() {
    return manager.create(gaussian(new Random(5), (int) BATCH.size(), 1, 0), BATCH);
  }

  @Test
  void foldedEvalForwardEqualsUnfolded() {
    try (Network net = convBnRelu()) {
      float[] folded = net.forward(input(), ForwardOptions.of(Mode.EVAL)).output().toFloatArray();
      float[] unfolded =
          net.forward(input(), ForwardOptions.of(Mode.EVAL).withoutFolding())
              .output()
              .toFloatArray();
      assertClose(
          unfolded, folded, "eval output with BatchNorm folded into the conv vs without folding");
      assertEquals(2 * 3 * 5 * 5, unfolded.length);
      int positive = 0;
      for (float v : unfolded) {
        positive += v > 0.1f ? 1 : 0;
      }
      assertTrue(positive > 10, "the test input reaches past the ReLU");
    }
  }

  @Test
  void capturedConvAndBatchNormHaveTheirShapesAndTheBatchNormAppliesRunningStatistics() {
    try (Network net = convBnRelu()) {
      ForwardResult r =
          net.forward(input(), ForwardOptions.capturing(Mode.EVAL, Set.of("conv", "bn")));
      assertEquals(Set.of("conv", "bn"), r.captured().keySet());
      NDArray conv = r.captured().get("conv");
      NDArray bn = r.captured().get("bn");
      assertEquals(new Shape(2, 3, 5, 5), conv.getShape());
      assertEquals(new Shape(2, 3, 5, 5), bn.getShape());
      // bn = gamma (conv - mean) / sqrt(var + 1e-5) + beta per channel, relu = max(bn, 0), worked
      // in double here
      float[] c = conv.toFloatArray();
      float[] expectedBn = new float[c.length];
      float[] expectedRelu = new float[c.length];
      for (int i = 0; i < c.length; i++) {
        int ch = (i / 25) % 3;
        double y = GAMMA[ch] * (c[i] - MEAN[ch]) / Math.sqrt(VAR[ch] + 1e-5) + BETA[ch];
        expectedBn[i] = (float) y;
        expectedRelu[i] = (float) Math.max(y, 0);
      }
      assertClose(
          expectedBn, bn.toFloatArray(), "captured BatchNorm output = running-statistics formula");
      assertClose(expectedRelu, r.output().toFloatArray(), "output = ReLU of the BatchNorm output");

      float[] unfoldedBn =
          net.forward(input(), ForwardOptions.capturing(Mode.EVAL, Set.of("bn")).withoutFolding())
              .captured()
              .get("bn")
              .toFloatArray();
      assertClose(unfoldedBn, bn.toFloatArray(), "captured bn equals the unfolded bn output");
    }
  }

  @Test
  void capturingOnlyTheBatchNormOfAFoldedPairGivesTheBatchNormOutput() {
    try (Network net = convBnRelu()) {
      ForwardResult folded =
          net.forward(input(), ForwardOptions.capturing(Mode.EVAL, Set.of("bn")));
      ForwardResult unfolded =
          net.forward(input(), ForwardOptions.capturing(Mode.EVAL, Set.of("bn")).withoutFolding());
      assertEquals(Set.of("bn"), folded.captured().keySet());
      assertEquals(new Shape(2, 3, 5, 5), folded.captured().get("bn").getShape());
      assertClose(
          unfolded.captured().get("bn").toFloatArray(),
          folded.captured().get("bn").toFloatArray(),
          "bn captured from the folded conv vs from the BatchNorm layer");
      assertClose(unfolded.output().toFloatArray(), folded.output().toFloatArray(), "outputs");
    }
  }

  @Test
  void trainModeNeverFolds() {
    // train mode normalises with batch statistics; a folded conv would use the running ones
    try (Network a = convBnRelu();
        Network b = convBnRelu()) {
      float[] withDefault =
          a.forward(input(), ForwardOptions.of(Mode.TRAIN)).output().toFloatArray();
      float[] without =
          b.forward(input(), ForwardOptions.of(Mode.TRAIN).withoutFolding())
              .output()
              .toFloatArray();
      assertClose(without, withDefault, "train forward with default options vs without folding");
      float[] eval =
          b.forward(input(), ForwardOptions.of(Mode.EVAL).withoutFolding()).output().toFloatArray();
      assertTrue(
          !Arrays.equals(eval, withDefault),
          "train and eval outputs differ (batch vs running statistics)");
    }
  }

  /**
   * Two conv-BN pairs on parallel branches summed; the nodes are added in the given (topological)
   * order.
   */
  private static Network twoBranches(boolean interleaved) {
    NetworkBuilder b = Network.builder(BATCH.slice(1));
    if (interleaved) {
      b.add("convA", Conv2d.of(2, 3, 3, 1, 1, true), Network.INPUT);
      b.add("convB", Conv2d.of(2, 3, 3, 1, 1, true), Network.INPUT);
      b.add("bnA", BatchNorm.of(3), "convA");
      b.add("bnB", BatchNorm.of(3), "convB");
    } else {
      b.add("convA", Conv2d.of(2, 3, 3, 1, 1, true), Network.INPUT);
      b.add("bnA", BatchNorm.of(3), "convA");
      b.add("convB", Conv2d.of(2, 3, 3, 1, 1, true), Network.INPUT);
      b.add("bnB", BatchNorm.of(3), "convB");
    }
    b.add("sum", new Add(), "bnA", "bnB");
    Random r = new Random(9);
    Map<String, float[]> p = new LinkedHashMap<>(convBnParams("convA", "bnA", r));
    p.putAll(convBnParams("convB", "bnB", r));
    return b.build(Device.cpu(), NnTests.exact(p));
  }

  @Test
  void foldingTwoAdjacentConvBatchNormPairs() {
    try (Network net = twoBranches(false)) {
      float[] unfolded =
          net.forward(input(), ForwardOptions.of(Mode.EVAL).withoutFolding())
              .output()
              .toFloatArray();
      float[] folded = net.forward(input(), Mode.EVAL).toFloatArray();
      assertClose(unfolded, folded, "two conv-BN branches, each BN right after its conv");
    }
  }

  @Test
  void foldingTwoInterleavedConvBatchNormPairs() {
    // convA, convB, bnA, bnB is a valid topological order (an ONNX import may produce it)
    try (Network net = twoBranches(true)) {
      float[] unfolded =
          net.forward(input(), ForwardOptions.of(Mode.EVAL).withoutFolding())
              .output()
              .toFloatArray();
      float[] folded;
      try {
        folded = net.forward(input(), Mode.EVAL).toFloatArray();
      } catch (RuntimeException e) {
        throw new AssertionError(
            "MAIN-CODE BUG: Forward.run keeps a single 'skip' name, so with two foldable "
                + "conv-BN pairs interleaved (convA, convB, bnA, bnB) the skip of bnA is overwritten by bnB and bnA runs "
                + "on the missing output of convA: "
                + e,
            e);
      }
      assertClose(unfolded, folded, "two conv-BN branches in interleaved order");
    }
  }

  @Test
  void aConvReadByTwoNodesIsNotFoldedAndStaysCorrect() {
    NetworkBuilder b = Network.builder(BATCH.slice(1));
    b.add("conv", Conv2d.of(2, 3, 3, 1, 1, true), Network.INPUT);
    b.add("bn", BatchNorm.of(3), "conv");
    b.add("sum", new Add(), "bn", "conv");
    try (Network net =
        b.build(Device.cpu(), NnTests.exact(convBnParams("conv", "bn", new Random(3))))) {
      ForwardResult r =
          net.forward(input(), ForwardOptions.capturing(Mode.EVAL, Set.of("conv", "bn")));
      float[] c = r.captured().get("conv").toFloatArray();
      float[] bn = r.captured().get("bn").toFloatArray();
      float[] expected = new float[c.length];
      for (int i = 0; i < c.length; i++) {
        expected[i] = c[i] + bn[i];
      }
      assertClose(expected, r.output().toFloatArray(), "conv + bn(conv)");
      float[] plain = net.forward(input(), Mode.EVAL).toFloatArray();
      assertClose(expected, plain, "same without capture");
    }
  }

  // ---------------------------------------------------------------- Identity

  /** input (2) -> lin [[2,0],[0,-1]] -> id -> relu(id), leaky(id, 0.5) -> sum. */
  private static Network identityWithTwoReaders() {
    NetworkBuilder b = Network.builder(new Shape(2));
    b.add("lin", new Linear(2, 2, false), Network.INPUT);
    b.add("id", new Identity(), "lin");
    b.add("pos", new Relu(), "id");
    b.add("leak", new LeakyRelu(0.5), "id");
    b.add("sum", new Add(), "pos", "leak");
    return b.build(Device.cpu(), NnTests.exact(params("lin.weight", f(2, 0, 0, -1))));
  }

  @Test
  void anIdentityReadByTwoNodesHandsTheSameArrayToBoth() {
    // x = [1,3] -> lin [2,-3] -> relu [2,0] + leaky [2,-1.5] = [4,-1.5];
    // x = [-1,1] -> lin [-2,-1] -> relu [0,0] + leaky [-1,-0.5] = [-1,-0.5]
    try (Network net = identityWithTwoReaders()) {
      for (int repeat = 0; repeat < 3; repeat++) {
        for (Mode mode : Mode.values()) {
          float[] y =
              net.forward(manager.create(f(1, 3, -1, 1), new Shape(2, 2)), mode).toFloatArray();
          assertClose(
              f(4, -1.5, -1, -0.5), y, "identity with two readers, " + mode + " pass " + repeat);
        }
      }
      ForwardResult r =
          net.forward(
              manager.create(f(1, 3, -1, 1), new Shape(2, 2)),
              ForwardOptions.capturing(Mode.EVAL, Set.of("id", "lin")));
      assertClose(f(2, -3, -2, -1), r.captured().get("id").toFloatArray(), "captured identity");
      assertClose(f(2, -3, -2, -1), r.captured().get("lin").toFloatArray(), "captured linear");
      assertClose(f(4, -1.5, -1, -0.5), r.output().toFloatArray(), "output with capture");
    }
  }

  @Test
  void anIdentityOnTheInputLeavesTheCallersBatchOpen() {
    // x = [0, ln3] -> relu [0, ln3] + sigmoid [1/2, 3/4]
    NetworkBuilder b = Network.builder(new Shape(2));
    b.add("id", new Identity(), Network.INPUT);
    b.add("a", new Relu(), "id");
    b.add("b", new Sigmoid(), "id");
    b.add("sum", new Add(), "a", "b");
    try (Network net = b.build(Device.cpu(), NnTests.exact(Map.of()))) {
      NDArray x = manager.create(f(0, Math.log(3)), new Shape(1, 2));
      float[] y = net.forward(x, Mode.EVAL).toFloatArray();
      assertClose(f(0.5, Math.log(3) + 0.75), y, "identity on the input with two readers");
      assertClose(
          f(0, Math.log(3)), x.toFloatArray(), "the caller's batch is still open and unchanged");
      assertClose(
          f(0.5, Math.log(3) + 0.75),
          net.forward(x, Mode.EVAL).toFloatArray(),
          "second pass, same batch");
    }
  }
}

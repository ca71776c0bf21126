package org.prunelab.experiment.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.types.Shape;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.prunelab.error.InvalidSettingException;
import org.prunelab.job.JobContext;
import org.prunelab.nn.Network;
import org.prunelab.nn.NetworkBuilder;
import org.prunelab.nn.NonFiniteException;
import org.prunelab.nn.layer.Flatten;
import org.prunelab.nn.layer.Linear;

/**
 * Sufficient input subsets of a linear model on a 4x4 image whose class-0 logit is 3 x_5 + w x_10
 * and class-1 logit 0, so softmax confidence in class 0 is sigmoid(3 x_5 + w x_10) and only pixels
 * 5 and 10 matter. With every pixel 1: sigmoid(6) = 0.9975, sigmoid(3) = 0.9526, sigmoid(9) =
 * 0.99988, sigmoid(0) = 0.5.
 */
class BackwardSelectionTest {
  private static final FeatureGrid PIXELS = new FeatureGrid(1, 4, 4, 1);

  static Network linear(float w5, float w10) {
    NetworkBuilder b = Network.builder(new Shape(1, 4, 4));
    b.add("flat", new Flatten(), Network.INPUT);
    b.add("fc", new Linear(16, 2, true), "flat");
    float[] weight = new float[32];
    weight[5] = w5;
    weight[10] = w10;
    Map<String, float[]> values = Map.of("fc.weight", weight, "fc.bias", new float[] {0, 0});
    return b.build(Device.cpu(), (name, spec) -> values.get(name));
  }

  private static float[] ones() {
    float[] image = new float[16];
    Arrays.fill(image, 1f);
    return image;
  }

  private static Set<Integer> set(SufficientInputSubset sis) {
    return sis.features().stream().collect(Collectors.toSet());
  }

  @Test
  void theSisOfALinearModelIsExactlyItsTwoWeightedPixels() {
    try (Network net = linear(3, 3)) {
      BackwardSelection selection =
          new BackwardSelection(new ClassConfidence(net, PIXELS), PIXELS, 0.99);
      SufficientInputSubset sis = selection.find(ones(), 0, JobContext.silent()).orElseThrow();
      // neither pixel alone reaches 0.99 (sigmoid 3 = 0.9526); both give sigmoid 6 = 0.9975
      assertEquals(Set.of(5, 10), set(sis));
      assertEquals(1 / (1 + Math.exp(-6)), sis.confidence(), 1e-6);
      // pixel 5 was removed before 10 on the tie (lowest index first), so 10 ranks first
      assertEquals(List.of(10, 5), sis.features());
    }
  }

  @Test
  void aStrongerPixelAloneIsSufficientAndTheCollectionFindsTheWeakerOneNext() {
    try (Network net = linear(3, 6)) {
      BackwardSelection strict =
          new BackwardSelection(new ClassConfidence(net, PIXELS), PIXELS, 0.99);
      // sigmoid(6) = 0.9975 >= 0.99 from pixel 10 alone; with it masked, sigmoid(3) < 0.99: done
      List<SufficientInputSubset> one = strict.collection(ones(), 0, 10, JobContext.silent());
      assertEquals(1, one.size());
      assertEquals(Set.of(10), set(one.get(0)));

      BackwardSelection loose =
          new BackwardSelection(new ClassConfidence(net, PIXELS), PIXELS, 0.9);
      // tau 0.9: {10} first, then with 10 masked sigmoid(3) = 0.9526 >= 0.9 gives {5}, then 0.5
      List<SufficientInputSubset> two = loose.collection(ones(), 0, 10, JobContext.silent());
      assertEquals(2, two.size());
      assertEquals(Set.of(10), set(two.get(0)));
      assertEquals(Set.of(5), set(two.get(1)));
      assertEquals(1 / (1 + Math.exp(-3)), two.get(1).confidence(), 1e-6);
    }
  }

  @Test
  void patchesGroupPixelsIntoBlocks() {
    // 2x2 blocks of a 4x4 image: pixel 5 (row 1, col 1) is in block 0, pixel 10 (row 2, col 2)
    // in block 3
    FeatureGrid blocks = new FeatureGrid(1, 4, 4, 2);
    assertEquals(4, blocks.features());
    assertEquals(List.of(0, 1, 4, 5), Arrays.stream(blocks.pixels(0)).boxed().toList());
    try (Network net = linear(3, 3)) {
      BackwardSelection selection =
          new BackwardSelection(new ClassConfidence(net, blocks), blocks, 0.99);
      SufficientInputSubset sis = selection.find(ones(), 0, JobContext.silent()).orElseThrow();
      assertEquals(Set.of(0, 3), set(sis));
      boolean[] mask = blocks.pixelMask(sis.featureArray());
      assertTrue(mask[5] && mask[10] && mask[0] && mask[15] && !mask[2] && !mask[8]);
    }
  }

  @Test
  void noSisExistsWhenTheWholeImageIsBelowTheThreshold() {
    try (Network net = linear(3, 3)) {
      BackwardSelection selection =
          new BackwardSelection(new ClassConfidence(net, PIXELS), PIXELS, 0.999);
      // sigmoid(6) = 0.9975 < 0.999
      assertTrue(selection.find(ones(), 0, JobContext.silent()).isEmpty());
    }
  }

  @Test
  void aThresholdOutsideTheUnitIntervalIsRefusedByName() {
    try (Network net = linear(3, 3)) {
      InvalidSettingException e =
          assertThrows(
              InvalidSettingException.class,
              () -> new BackwardSelection(new ClassConfidence(net, PIXELS), PIXELS, 1.0));
      assertTrue(e.getMessage().contains("SIS threshold 1.0"), e.getMessage());
      assertThrows(InvalidSettingException.class, () -> new FeatureGrid(1, 4, 4, 0));
    }
  }

  @Test
  void aNetworkWithNaNWeightsGetsAClearErrorNotAnIndexFailure() {
    try (Network net = linear(Float.NaN, 3)) {
      BackwardSelection selection =
          new BackwardSelection(new ClassConfidence(net, PIXELS), PIXELS, 0.9);
      NonFiniteException e =
          assertThrows(
              NonFiniteException.class, () -> selection.find(ones(), 0, JobContext.silent()));
      assertTrue(e.getMessage().contains("confidence is NaN"), e.getMessage());
    }
  }

  @Test
  void intersectionOverUnionCountsCommonFeatures() {
    assertEquals(1.0 / 3, FeatureComparison.intersectionOverUnion(List.of(1, 2), List.of(2, 3)));
    assertEquals(1.0, FeatureComparison.intersectionOverUnion(List.of(4), List.of(4)));
    assertEquals(0.0, FeatureComparison.intersectionOverUnion(List.of(1), List.of(2)));
  }
}

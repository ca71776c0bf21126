package org.prunelab.experiment.features;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.prunelab.nn.Devices;
import org.prunelab.nn.Network;
import org.prunelab.zoo.ModelResolver;
import org.prunelab.zoo.ZooOptions;

/** Gradient x input and integrated gradients against hand-worked values and completeness. */
class SaliencyTest {
  @Test
  void onALinearModelBothAttributionsAreWeightTimesPixel() {
    FeatureGrid grid = new FeatureGrid(1, 4, 4, 1);
    try (Network net = BackwardSelectionTest.linear(3, -2)) {
      float[] image = new float[16];
      image[5] = 0.5f;
      image[10] = 2f;
      image[0] = 7f; // weight 0: no attribution
      float[] expected = new float[16];
      expected[5] = 1.5f;
      expected[10] = -4f;
      Saliency saliency = new Saliency(net, grid);
      assertArrayEquals(expected, saliency.gradientTimesInput(image, 0), 1e-6f);
      // the gradient is constant, so one midpoint step is exact
      assertArrayEquals(expected, saliency.integratedGradients(image, 0, 1), 1e-6f);
    }
  }

  /**
   * Completeness, sum_i IG_i = F(x) - F(0), on a seeded LeNet-5 and a seeded random image: the
   * midpoint rule's error shrinks as 1/m^2; with m = 256 it is within 1 % of |F(x) - F(0)| (ReLU
   * kinks make the integrand only piecewise smooth).
   */
  @Test
  void integratedGradientsAreCompleteOnLeNet5() {
    FeatureGrid grid = new FeatureGrid(1, 28, 28, 1);
    try (Network net =
        ModelResolver.open(
            "lenet5", new ZooOptions(1, 28, 28, 10, 1.0), null, Devices.preferred(), 3)) {
      Random random = new Random(11);
      float[] image = new float[784];
      for (int i = 0; i < image.length; i++) {
        image[i] = (float) (2 * random.nextGaussian());
      }
      Saliency saliency = new Saliency(net, grid);
      double difference = saliency.logit(image, 4) - saliency.logit(new float[784], 4);
      double sum = 0;
      for (float a : saliency.integratedGradients(image, 4, 256)) {
        sum += a;
      }
      assertEquals(difference, sum, 0.01 * Math.abs(difference));
    }
  }
}

package org.prunelab.prune;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.djl.Device;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.prunelab.data.DataSplits;
import org.prunelab.data.Datasets;
import org.prunelab.data.ImageDataset;
import org.prunelab.data.SplitOptions;
import org.prunelab.job.JobContext;
import org.prunelab.nn.Network;
import org.prunelab.train.LearningRateSchedule;
import org.prunelab.train.Loaders;
import org.prunelab.train.OptimizerSpec;
import org.prunelab.train.Trainer;
import org.prunelab.train.TrainingRecipe;
import org.prunelab.zoo.Zoo;
import org.prunelab.zoo.ZooOptions;

/**
 * Unstructured masks: top-k selection, zeros in place, survival through real SGD steps, sparsity
 * counts.
 */
class WeightMasksTest {

  private static boolean[] kept(WeightMask m) {
    boolean[] k = new boolean[m.size()];
    for (int i = 0; i < k.length; i++) {
      k[i] = m.keeps(i);
    }
    return k;
  }

  @Test
  void topKKeepsTheLargestScoresAndBreaksTiesByIndex() {
    WeightMasks masks =
        WeightMasks.keepTopK(
            Map.of("a", new float[] {3, 1, 2, 2, 0}, "b", new float[] {5, 5}),
            Map.of("a", 2, "b", 0));
    assertTrue(
        java.util.Arrays.equals(
            new boolean[] {true, false, true, false, false}, kept(masks.masks().get("a"))));
    assertEquals(0, masks.masks().get("b").keptCount());
    assertEquals(2, masks.keptCount());
    assertEquals(7, masks.size());
    WeightMasks three =
        WeightMasks.keepTopK(Map.of("a", new float[] {3, 1, 2, 2, 0}), Map.of("a", 3));
    assertTrue(
        java.util.Arrays.equals(
            new boolean[] {true, false, true, true, false}, kept(three.masks().get("a"))));
  }

  @Test
  void applyZeroesExactlyTheMaskedWeights() {
    try (Network net =
        Zoo.create("lenet-300-100", ZooOptions.grey28().withWidth(0.1), Device.cpu(), 3)) {
      float[] before = net.parameters().get("fc2.weight").toFloatArray();
      boolean[] keep = new boolean[before.length];
      for (int i = 0; i < keep.length; i += 3) {
        keep[i] = true;
      }
      WeightMasks.of(List.of(WeightMask.of("fc2.weight", keep))).apply(net);
      float[] after = net.parameters().get("fc2.weight").toFloatArray();
      for (int i = 0; i < before.length; i++) {
        // +0.0 exactly, not -0.0, so exported files hold plain zeros
        assertEquals(keep[i] ? before[i] : 0f, after[i], "element " + i);
      }
      long zeros = before.length - (before.length + 2L) / 3;
      Sparsity s = Sparsity.of(net);
      assertEquals(net.parameterCount(), s.total());
      // the biases start at zero too: fc1 (30), fc2 (10), fc3 (10)
      assertEquals(net.parameterCount() - zeros - 50, s.nonzero());
    }
  }

  @Test
  void masksSurviveTrainingWhenReappliedAfterEveryStep() {
    Path dir = Path.of("/usr/share/datasets/fashion-mnist");
    assumeTrue(Files.isDirectory(dir), "Fashion-MNIST not installed");
    DataSplits splits =
        Datasets.load("fashion-mnist", Optional.empty(), new SplitOptions(1000, 0, 0));
    ImageDataset train = splits.train().subset(IntStream.range(0, 256).toArray());
    TrainingRecipe recipe =
        new TrainingRecipe(
            1,
            64,
            OptimizerSpec.sgd(0.9, true, 5e-4),
            new LearningRateSchedule.Cosine(0.05, 0, 1),
            0,
            false,
            1);
    for (boolean reapply : new boolean[] {true, false}) {
      try (Network net =
          Zoo.create("lenet5", ZooOptions.grey28().withWidth(0.25), Device.cpu(), 5)) {
        Map<String, float[]> scores = new LinkedHashMap<>();
        Map<String, Integer> keep = new LinkedHashMap<>();
        for (String p : List.of("conv1.weight", "conv2.weight", "fc1.weight", "fc2.weight")) {
          float[] w = net.parameters().get(p).toFloatArray();
          for (int i = 0; i < w.length; i++) {
            w[i] = Math.abs(w[i]);
          }
          scores.put(p, w);
          keep.put(p, w.length / 5);
        }
        WeightMasks masks = WeightMasks.keepTopK(scores, keep);
        masks.apply(net);
        float[] start = net.parameters().get("fc1.weight").toFloatArray();
        Trainer trainer = new Trainer(recipe);
        if (reapply) {
          trainer.onStep(masks::apply);
        }
        trainer.fit(
            net,
            Loaders.training(train, splits.normalization(), recipe),
            Optional.empty(),
            JobContext.silent());
        WeightMask fc1 = masks.masks().get("fc1.weight");
        float[] end = net.parameters().get("fc1.weight").toFloatArray();
        long maskedNonzero =
            IntStream.range(0, end.length).filter(i -> !fc1.keeps(i) && end[i] != 0).count();
        long keptChanged =
            IntStream.range(0, end.length).filter(i -> fc1.keeps(i) && end[i] != start[i]).count();
        assertTrue(
            keptChanged > fc1.keptCount() / 2, "4 SGD steps move the kept weights: " + keptChanged);
        if (reapply) {
          assertEquals(0, maskedNonzero, "masked weights stay exactly zero");
          // every nonzero parameter is a kept weight or lies outside the masks
          assertEquals(
              masks.keptCount() + countNonzeroOutside(net, masks), Sparsity.of(net).nonzero());
        } else {
          // the control: without the hook, gradients and weight decay revive the masked weights
          assertFalse(maskedNonzero == 0, "masked weights move without the hook");
        }
      }
    }
  }

  private static long countNonzeroOutside(Network net, WeightMasks masks) {
    long n = 0;
    for (Map.Entry<String, ai.djl.ndarray.NDArray> e : net.trainableParameters().entrySet()) {
      if (!masks.masks().containsKey(e.getKey())) {
        for (float v : e.getValue().toFloatArray()) {
          n += v != 0 ? 1 : 0;
        }
      }
    }
    return n;
  }

  @Test
  void badMasksAreNamed() {
    String noScores =
        assertThrows(
                InvalidPlanException.class,
                () -> WeightMasks.keepTopK(Map.of(), Map.of("fc1.weight", 3)))
            .getMessage();
    assertTrue(noScores.contains("no scores for parameter 'fc1.weight'"), noScores);
    String tooMany =
        assertThrows(
                InvalidPlanException.class,
                () -> WeightMasks.keepTopK(Map.of("w", new float[2]), Map.of("w", 3)))
            .getMessage();
    assertTrue(tooMany.contains("'w' has 2 elements; it can keep 0 to 2, not 3"), tooMany);
    String nan =
        assertThrows(
                InvalidPlanException.class,
                () -> WeightMasks.keepTopK(Map.of("w", new float[] {1, Float.NaN}), Map.of("w", 1)))
            .getMessage();
    assertTrue(nan.contains("NaN"), nan);
    try (Network net =
        Zoo.create("lenet-300-100", ZooOptions.grey28().withWidth(0.1), Device.cpu(), 3)) {
      String missing =
          assertThrows(
                  InvalidPlanException.class,
                  () ->
                      WeightMasks.of(List.of(WeightMask.of("fc9.weight", new boolean[4])))
                          .apply(net))
              .getMessage();
      assertTrue(missing.contains("no parameter 'fc9.weight'"), missing);
      String size =
          assertThrows(
                  InvalidPlanException.class,
                  () ->
                      WeightMasks.of(List.of(WeightMask.of("fc3.bias", new boolean[4]))).apply(net))
              .getMessage();
      assertTrue(size.contains("'fc3.bias' has 10 elements but its mask 4"), size);
    }
  }
}

package org.prunelab.flows;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.jni.JniUtils;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.prunelab.error.PruneLabException;
import org.prunelab.job.JobContext;

/**
 * WT and FT on seeded fields: the l4_h64 field of a 2-D CNF has W = 3 x 64 + 3 x 64 x 64 + 64 x 2 =
 * 12608 weights and 258 biases (12866 parameters). WT at keep 0.3 keeps round(0.3 x 12608) =
 * round(3782.4) = 3782 weights. FT at keep 0.5 (at most 6304 weights) keeps 45 neurons per layer: 3
 * x 45 + 3 x 45^2 + 45 x 2 = 6300 weights (one more neuron anywhere adds at least 48), plus 4 x 45
 * + 2 biases = 6482 parameters.
 */
class FieldPruningTest {
  private static NDManager manager;
  private static int threads;

  @BeforeAll
  static void open() {
    manager = NDManager.newBaseManager(Device.cpu());
    threads = JniUtils.getNumThreads();
    JniUtils.setNumThreads(1);
  }

  @AfterAll
  static void close() {
    JniUtils.setNumThreads(threads);
    manager.close();
  }

  private static float[] allWeights(MlpField field) {
    List<Float> all = new ArrayList<>();
    for (int l = 0; l < field.spec().layers(); l++) {
      for (float w : field.weight(l).toFloatArray()) {
        all.add(w);
      }
    }
    float[] out = new float[all.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = all.get(i);
    }
    return out;
  }

  @Test
  void wtKeepsTheLargestMagnitudesAndPrunedWeightsStayZeroThroughRetraining() {
    try (MlpField field = MlpField.create(MlpSpec.l4h64(2), DataType.FLOAT32, 3, manager)) {
      assertEquals(12608, field.weightCount());
      assertEquals(12866, field.parameterCount());
      float[] before = allWeights(field);
      float[] sorted = new float[before.length];
      for (int i = 0; i < before.length; i++) {
        sorted[i] = Math.abs(before[i]);
      }
      Arrays.sort(sorted);
      float threshold = sorted[sorted.length - 3782];
      FieldMasks masks = WeightThresholding.prune(field, 0.3, 12608);
      assertEquals(3782, masks.keptCount());
      float[] after = allWeights(field);
      int nonZero = 0;
      for (int i = 0; i < after.length; i++) {
        if (after[i] != 0) {
          nonZero++;
          assertEquals(before[i], after[i]);
          assertTrue(Math.abs(before[i]) >= threshold);
        } else {
          assertTrue(Math.abs(before[i]) <= threshold);
        }
      }
      assertEquals(3782, nonZero);
      // retraining with the masks re-applied after every step: pruned weights stay exactly 0
      ContinuousFlow flow =
          new ContinuousFlow(
              field,
              SolverSpec.fixed(SolverKind.RK4, 2).create(),
              ContinuousFlow.FFJORD_END_TIME,
              TraceEstimator.exact());
      ToyTrainer.trainFlow(
          flow,
          ToyDataset.GAUSSIANS,
          new ToyRecipe(3, 64, 0.05, 0.01, 1),
          manager,
          JobContext.silent(),
          () -> masks.apply(field));
      float[] trained = allWeights(field);
      int moved = 0;
      for (int i = 0; i < trained.length; i++) {
        if (after[i] == 0) {
          assertEquals(0f, trained[i], 0f);
        } else if (trained[i] != after[i]) {
          moved++;
        }
      }
      assertTrue(moved > 3000, "kept weights train: " + moved);
      // the next cascade step's mask is a subset of this one
      FieldMasks next = WeightThresholding.masks(field, 0.1, 12608);
      assertEquals(Math.round(0.1 * 12608), next.keptCount());
      for (int l = 0; l < masks.layers(); l++) {
        boolean[] a = masks.kept(l);
        boolean[] b = next.kept(l);
        for (int i = 0; i < a.length; i++) {
          assertTrue(a[i] || !b[i], "layer " + l + " weight " + i + " revived");
        }
      }
    }
  }

  @Test
  void ftRemovesTheSmallestL1NeuronsAndTheSmallerFieldComputesTheSame() {
    MlpSpec spec = new MlpSpec(2, List.of(8, 6), Nonlinearity.TANH);
    try (MlpField field = MlpField.create(spec, DataType.FLOAT64, 5, manager)) {
      NeuronSelection selection = FilterThresholding.select(field, 0.5, field.weightCount());
      try (MlpField small = selection.shrink(field, manager);
          NDManager scope = manager.newSubManager()) {
        assertTrue(small.weightCount() <= Math.round(0.5 * field.weightCount()));
        double[][] zeroedOutgoing = new double[spec.layers()][];
        for (int l = 0; l < spec.layers(); l++) {
          zeroedOutgoing[l] = field.weightValues(l);
        }
        for (int l = 0; l < 2; l++) {
          int out = spec.outFeatures(l);
          int in = spec.inFeatures(l);
          double[] w = field.weightValues(l);
          double[] norms = new double[out];
          for (int j = 0; j < out; j++) {
            for (int i = 0; i < in; i++) {
              norms[j] += Math.abs(w[j * in + i]);
            }
          }
          int[] kept = selection.kept(l);
          double smallestKept = Double.MAX_VALUE;
          for (int j : kept) {
            smallestKept = Math.min(smallestKept, norms[j]);
          }
          for (int j = 0; j < out; j++) {
            if (Arrays.binarySearch(kept, j) < 0) {
              assertTrue(norms[j] <= smallestKept, "layer " + l + " removed neuron " + j);
              int nextIn = spec.inFeatures(l + 1);
              for (int r = 0; r < spec.outFeatures(l + 1); r++) {
                zeroedOutgoing[l + 1][r * nextIn + j] = 0;
              }
            }
          }
        }
        List<double[]> biases = new ArrayList<>();
        for (int l = 0; l < spec.layers(); l++) {
          biases.add(field.biasValues(l));
        }
        try (MlpField zeroed =
            MlpField.of(spec, DataType.FLOAT64, Arrays.asList(zeroedOutgoing), biases, manager)) {
          NDArray z = scope.create(new double[] {0.3, -1.2, 2.0, 0.5, -0.7, 0.1}, new Shape(3, 2));
          assertArrayEquals(
              zeroed.at(0.25, z).toDoubleArray(), small.at(0.25, z).toDoubleArray(), 1e-6);
        }
      }
    }
  }

  @Test
  void ftOnL4h64KeepsTheHandCountedSize() {
    try (MlpField field = MlpField.create(MlpSpec.l4h64(2), DataType.FLOAT32, 3, manager);
        MlpField small = FieldPruning.FT.prune(field, 0.5, 12608, manager).field()) {
      assertEquals(List.of(45, 45, 45, 45), small.spec().hidden());
      assertEquals(6300, small.weightCount());
      assertEquals(6482, small.parameterCount());
      assertEquals(12866, field.parameterCount());
    }
  }

  @Test
  void badKeepRatiosAreRefusedWithTheFix() {
    try (MlpField field = MlpField.create(MlpSpec.l4h64(2), DataType.FLOAT32, 3, manager)) {
      for (double bad : new double[] {0, -0.1, 1.5, Double.NaN}) {
        PruneLabException e =
            assertThrows(
                PruneLabException.class, () -> WeightThresholding.masks(field, bad, 12608));
        assertTrue(
            e.getMessage().startsWith("a keep ratio must be in (0, 1], got " + bad),
            e.getMessage());
      }
      PruneLabException none =
          assertThrows(PruneLabException.class, () -> WeightThresholding.masks(field, 1e-5, 12608));
      assertTrue(
          none.getMessage().contains("keeps round(1.0E-5 x 12608) = 0 weights"), none.getMessage());
      PruneLabException empty =
          assertThrows(PruneLabException.class, () -> WeightThresholding.masks(field, 4e-4, 12608));
      assertTrue(empty.getMessage().contains("with no weights"), empty.getMessage());
      PruneLabException ft =
          assertThrows(
              PruneLabException.class, () -> FilterThresholding.select(field, 5e-4, 12608));
      assertTrue(
          ft.getMessage()
              .contains(
                  "one neuron per hidden layer already has 8 weights, more than round(5.0E-4 x"
                      + " 12608) = 6"),
          ft.getMessage());
      PruneLabException rising =
          assertThrows(
              PruneLabException.class,
              () ->
                  new CascadeSpec(
                      FieldPruning.WT, List.of(0.5, 0.6), new ToyRecipe(1, 8, 0.01, 0, 1)));
      assertTrue(rising.getMessage().contains("must decrease"), rising.getMessage());
    }
  }
}

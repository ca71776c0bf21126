package org.prunelab.flows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.pytorch.jni.JniUtils;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.prunelab.job.JobContext;

/**
 * Short cascades (keep 0.5 then 0.2, 15 retraining iterations of 128 points each, rk4 with 4 steps,
 * one libtorch thread) of the l4_h64 CNF on gaussians: every step records its realised size (WT
 * exactly round(k x 12608) weights; FT at most that and within 5 % of the weights of it), a finite
 * test NLL and the 16 evaluations of a test solve; the caller's field is unchanged.
 */
class PruneCascadeTest {
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

  private static List<CascadeStep> cascade(FieldPruning method) {
    try (NDManager parent = manager.newSubManager();
        MlpField field = MlpField.create(MlpSpec.l4h64(2), DataType.FLOAT32, 1, parent)) {
      ContinuousFlow flow =
          new ContinuousFlow(
              field,
              SolverSpec.fixed(SolverKind.RK4, 4).create(),
              ContinuousFlow.FFJORD_END_TIME,
              TraceEstimator.exact());
      double[] w0 = field.weightValues(0);
      int arrays = parent.getManagedArrays().size();
      CascadeSpec spec =
          new CascadeSpec(method, List.of(0.5, 0.2), new ToyRecipe(15, 128, 0.05, 0.01, 7));
      List<CascadeStep> steps =
          PruneCascade.flow(
              flow,
              spec,
              ToyDataset.GAUSSIANS,
              ToyDataset.GAUSSIANS.sample(512, 99),
              parent,
              JobContext.silent());
      assertEquals(arrays, parent.getManagedArrays().size(), "the cascade frees its copies");
      assertEquals(12608, field.nonZeroWeights(), "the caller's field is unchanged");
      assertEquals(w0[0], field.weightValues(0)[0]);
      for (CascadeStep s : steps) {
        System.err.printf(
            "cascade %s keep %.2f: %d/%d weights, %d/%d parameters, NLL %.3f, NFE %d, %.1f s%n",
            method.cliName(),
            s.keep(),
            s.weights(),
            s.originalWeights(),
            s.parameters(),
            s.originalParameters(),
            s.value(),
            s.evaluations(),
            s.trainingSeconds());
        assertEquals("nll", s.metric());
        assertTrue(Double.isFinite(s.value()), "NLL " + s.value());
        assertEquals(16, s.evaluations());
        assertEquals(12608, s.originalWeights());
        assertEquals(12866, s.originalParameters());
      }
      return steps;
    }
  }

  @Test
  void wtCascadeKeepsExactlyTheRequestedWeights() {
    List<CascadeStep> steps = cascade(FieldPruning.WT);
    assertEquals(2, steps.size());
    assertEquals(6304, steps.get(0).weights());
    assertEquals(6304 + 258, steps.get(0).parameters());
    assertEquals(Math.round(0.2 * 12608), steps.get(1).weights());
  }

  @Test
  void ftCascadeMeetsTheRequestedSizes() {
    List<CascadeStep> steps = cascade(FieldPruning.FT);
    assertEquals(2, steps.size());
    for (CascadeStep s : steps) {
      assertTrue(s.weights() <= Math.round(s.keep() * 12608), "weights " + s.weights());
      assertTrue(s.weightRatio() > s.keep() - 0.05, "ratio " + s.weightRatio());
    }
  }

  @Test
  void aClassifierCascadeRecordsAccuracyAndFreesItsCopies() {
    try (NDManager parent = manager.newSubManager();
        MlpField field =
            MlpField.create(
                new MlpSpec(2, List.of(16, 16), Nonlinearity.TANH), DataType.FLOAT32, 2, parent);
        OdeClassifier classifier =
            new OdeClassifier(
                field, 2, 2, SolverSpec.fixed(SolverKind.RK4, 4).create(), 1, 3, parent)) {
      int arrays = parent.getManagedArrays().size();
      for (FieldPruning method : FieldPruning.values()) {
        List<CascadeStep> steps =
            PruneCascade.classifier(
                classifier,
                new CascadeSpec(method, List.of(0.6, 0.3), new ToyRecipe(10, 64, 0.01, 0, 5)),
                ToyDataset.MOONS,
                ToyDataset.MOONS.sample(200, 98),
                parent,
                JobContext.silent());
        assertEquals(2, steps.size());
        for (CascadeStep s : steps) {
          assertEquals("accuracy", s.metric());
          assertTrue(s.value() >= 0 && s.value() <= 1, "accuracy " + s.value());
          assertEquals(16, s.evaluations());
          assertTrue(s.weights() <= Math.round(s.keep() * s.originalWeights()));
        }
        // 336 weights (3 x 16 + 16 x 16 + 16 x 2); at 0.3 WT keeps round(100.8) = 101, FT widths
        // (8, 7): 3 x 8 + 8 x 7 + 7 x 2 = 94 (one more neuron in either layer makes 104)
        assertEquals(method == FieldPruning.WT ? 101 : 94, steps.get(1).weights(), method + "");
      }
      assertEquals(arrays, parent.getManagedArrays().size(), "the cascade frees its copies");
    }
  }
}

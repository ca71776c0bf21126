package org.prunelab.prune.method;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.prunelab.data.Batch;
import org.prunelab.error.PruneLabException;
import org.prunelab.job.JobContext;
import org.prunelab.nn.Network;
import org.prunelab.nn.layer.Mode;
import org.prunelab.prune.Sparsity;
import org.prunelab.prune.WeightMask;
import org.prunelab.prune.allocate.AllocationException;
import org.prunelab.prune.allocate.Budget;
import org.prunelab.prune.allocate.ManualAllocator;
import org.prunelab.train.Evaluator;
import org.prunelab.train.InputNormalization;
import org.prunelab.train.Loaders;
import org.prunelab.zoo.BundledModels;

/** Every method prunes the trained LeNet-5 to its budget and yields a working network. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PruneMethodTest {
  private Network lenet;
  private NDManager manager;
  private Batch samples;

  @BeforeAll
  void load() {
    lenet = TrainedFixtures.model(BundledModels.LENET5);
    manager = NDManager.newBaseManager(lenet.device());
    samples = TrainedFixtures.samples(lenet, 32, manager);
  }

  /** Every registered pruning method, by its command-line name. */
  static List<String> everyMethod() {
    return PruneMethodKind.names();
  }

  @AfterAll
  void close() {
    manager.close();
    lenet.close();
  }

  @ParameterizedTest
  @MethodSource("everyMethod")
  void everyMethodMeetsTheBudgetAndGivesAWorkingNetwork(String name) {
    PruneMethod method = PruneMethods.create(PruneMethodKind.parse(name), 3);
    try (PruneOutcome outcome =
        method.prune(
            lenet, PruneRequest.of(Budget.parameters(0.5), samples, 3), JobContext.silent())) {
      double ratio = outcome.parameterRatio();
      assertTrue(ratio <= 0.5 && ratio >= 0.495, name + " kept " + ratio);
      Network pruned = outcome.network();
      assertEquals(
          !method.structured(),
          outcome.masks().isPresent(),
          name + " gives masks exactly when unstructured");
      if (method.structured()) {
        assertEquals(outcome.realised().parameters(), pruned.parameterCount(), name);
        assertTrue(pruned.parameterCount() < lenet.parameterCount());
      } else {
        long zeros = lenet.parameterCount() - outcome.realised().parameters();
        assertEquals(
            lenet.parameterCount() - zeros, Sparsity.of(pruned).nonzero(), zeros * 1e-3, name);
      }
      try (NDManager scope = manager.newSubManager()) {
        NDArray x = samples.images().get("0:8");
        x.attach(scope);
        float[] logits = pruned.forward(x, Mode.EVAL).toFloatArray();
        assertEquals(80, logits.length);
        for (float v : logits) {
          assertTrue(Float.isFinite(v), name);
        }
      }
    }
  }

  /**
   * Iterative mode prunes a pruned network again: what an earlier step removed stays removed. For
   * weight methods the second step's masks keep no weight the first removed (they used to be
   * recomputed from scratch, so random weights re-drew them and retraining revived them), and the
   * second step meets its budget in live weights; channel methods remove channels physically, so
   * the second network is smaller still.
   */
  @ParameterizedTest
  @MethodSource("everyMethod")
  void iterativeStepsNest(String name) {
    PruneMethodKind kind = PruneMethodKind.parse(name);
    try (PruneOutcome first =
        PruneMethods.create(kind, 3)
            .prune(
                lenet, PruneRequest.of(Budget.parameters(0.7), samples, 3), JobContext.silent())) {
      Network once = first.network();
      // a budget is a fraction of what the network has: its parameters, or its live weights
      double relative = 0.4 * lenet.parameterCount() / first.realised().parameters();
      try (PruneOutcome second =
          PruneMethods.create(kind, 4)
              .prune(
                  once,
                  PruneRequest.of(Budget.parameters(relative), samples, 4),
                  JobContext.silent())) {
        Network twice = second.network();
        if (first.masks().isEmpty()) {
          assertTrue(twice.parameterCount() < once.parameterCount(), name);
          return;
        }
        // a mask that keeps a zero weight lets retraining revive it: the second mask must keep
        // nothing the first one removed
        Map<String, WeightMask> earlier = first.masks().get().masks();
        Map<String, WeightMask> later = second.masks().orElseThrow().masks();
        for (String parameter : earlier.keySet()) {
          WeightMask before = earlier.get(parameter);
          WeightMask after = later.get(parameter);
          for (int i = 0; i < before.size(); i++) {
            if (!before.keeps(i)) {
              assertFalse(after.keeps(i), name + ": " + parameter + "[" + i + "] came back");
            }
          }
        }
        double ratio = (double) Sparsity.of(twice).nonzero() / lenet.parameterCount();
        assertEquals(0.4, ratio, 0.01, name + " kept " + ratio + " in live weights");
      }
    }
  }

  @Test
  void pfpBeatsFilterNormsAndRandomFiltersAtHalfTheParameters() {
    double pfp = accuracy("pfp", 0);
    double ft = accuracy("ft", 0);
    double random =
        (accuracy("random-filters", 0)
                + accuracy("random-filters", 1)
                + accuracy("random-filters", 2))
            / 3;
    assertTrue(pfp > ft && pfp > random, "pfp " + pfp + ", ft " + ft + ", random " + random);
  }

  private double accuracy(String name, long seed) {
    try (PruneOutcome outcome =
        PruneMethods.create(PruneMethodKind.parse(name), seed)
            .prune(
                lenet,
                PruneRequest.of(Budget.parameters(0.5), samples, seed),
                JobContext.silent())) {
      return Evaluator.evaluate(
              outcome.network(),
              Loaders.evaluation(
                  TrainedFixtures.test(2000), InputNormalization.of(lenet).orElseThrow()),
              JobContext.silent())
          .top1();
    }
  }

  @Test
  void badRequestsAreRefusedWithTheWayOut() {
    PruneLabException unknown =
        assertThrows(PruneLabException.class, () -> PruneMethodKind.parse("obd"));
    assertTrue(
        unknown.getMessage().contains("pfp") && unknown.getMessage().contains("obd"),
        unknown.getMessage());
    PruneLabException noSamples =
        assertThrows(
            PruneLabException.class,
            () ->
                PruneMethods.create(PruneMethodKind.parse("pfp"), 0)
                    .prune(
                        lenet,
                        PruneRequest.of(Budget.parameters(0.5), null, 0),
                        JobContext.silent()));
    assertTrue(noSamples.getMessage().contains("sample set"), noSamples.getMessage());
    AllocationException tooSmall =
        assertThrows(
            AllocationException.class,
            () ->
                PruneMethods.create(PruneMethodKind.parse("ft"), 0)
                    .prune(
                        lenet,
                        PruneRequest.of(Budget.parameters(1e-4), null, 0),
                        JobContext.silent()));
    assertTrue(tooSmall.getMessage().contains("smallest"), tooSmall.getMessage());
    AllocationException unknownLayer =
        assertThrows(
            AllocationException.class,
            () ->
                PruneMethods.create(PruneMethodKind.parse("ft"), 0)
                    .prune(
                        lenet,
                        PruneRequest.of(Budget.parameters(1), null, 0)
                            .withAllocator(new ManualAllocator(Map.of("conv7", 0.5))),
                        JobContext.silent()));
    assertTrue(
        unknownLayer.getMessage().contains("conv7") && unknownLayer.getMessage().contains("conv1"),
        unknownLayer.getMessage());
  }
}

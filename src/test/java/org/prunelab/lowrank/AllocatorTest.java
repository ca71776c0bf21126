package org.prunelab.lowrank;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.prunelab.job.JobContext;
import org.prunelab.nn.Network;
import org.prunelab.nn.NetworkBuilder;
import org.prunelab.nn.layer.Conv2d;
import org.prunelab.nn.layer.Flatten;
import org.prunelab.nn.layer.Linear;
import org.prunelab.nn.layer.Relu;
import org.prunelab.prune.allocate.AllocationException;
import org.prunelab.prune.allocate.Budget;
import org.prunelab.prune.allocate.BudgetKind;
import org.prunelab.zoo.Zoo;
import org.prunelab.zoo.ZooOptions;

/**
 * Every allocator meets its budget on ResNet-20; ALDS's min-max against brute force; bad budgets
 * rejected.
 */
class AllocatorTest {
  private static NDManager manager;
  private static Network resnet;
  private static WeightSpectra weights;
  private static OutputSpectra outputs;

  @BeforeAll
  static void setUp() {
    manager = NDManager.newBaseManager();
    resnet = Zoo.create("resnet20", ZooOptions.grey28(), Device.cpu(), 1);
    weights = WeightSpectra.of(resnet).precompute(JobContext.silent());
    outputs =
        OutputSpectra.measure(
            resnet, LowRankTests.normal(manager, 2, 64, 1, 28, 28), JobContext.silent());
  }

  @AfterAll
  static void tearDown() {
    resnet.close();
    manager.close();
  }

  private static Spectra spectraFor(LowRankMethod method) {
    return method == LowRankMethod.PCA ? outputs : weights;
  }

  @Test
  void everyMethodMeetsParameterAndFlopBudgetsWithinHalfAPercent() {
    List<String> failures = new ArrayList<>();
    for (LowRankMethod method : LowRankMethod.values()) {
      for (BudgetKind kind : BudgetKind.values()) {
        // every tenth from 0.9 to 0.2 of the parameters; two FLOP budgets (the same code path,
        // costs times H W)
        for (int tenths = 9; tenths >= 2; tenths -= kind == BudgetKind.PARAMETERS ? 1 : 3) {
          Budget budget = new Budget(kind, tenths / 10.0);
          LowRankResult r =
              LowRankCompressor.compress(resnet, method, budget, spectraFor(method), 1);
          try (Network net = r.network()) {
            long size = kind == BudgetKind.PARAMETERS ? net.parameterCount() : net.macs();
            long original = kind == BudgetKind.PARAMETERS ? resnet.parameterCount() : resnet.macs();
            double realised = (double) size / original;
            assertEquals(realised, r.realisedRatio(), 1e-12);
            // the plan's prediction is exact: surgery adds nothing the allocator did not count
            assertEquals(
                kind == BudgetKind.PARAMETERS ? r.plan().params() : r.plan().macs(),
                size,
                method + " " + budget);
            if (Math.abs(realised / budget.keepRatio() - 1) > LowRankCompressor.TOLERANCE) {
              failures.add(String.format(Locale.ROOT, "%s %s: %.5f", method, budget, realised));
            }
          }
        }
      }
    }
    assertEquals(List.of(), failures);
  }

  @Test
  void aldsHasASmallerLargestErrorThanConstantRatioSvd() {
    for (double keep : new double[] {0.3, 0.5, 0.7}) {
      LowRankPlan alds =
          LowRankMethod.ALDS.allocator().allocate(resnet, weights, Budget.parameters(keep), 1);
      LowRankPlan svd =
          LowRankMethod.SVD.allocator().allocate(resnet, weights, Budget.parameters(keep), 1);
      assertTrue(
          alds.maxError() < svd.maxError(),
          "keep " + keep + ": ALDS " + alds.maxError() + ", SVD " + svd.maxError());
      assertTrue(
          alds.layers().stream().anyMatch(l -> l.factored() && l.groups() > 1), "ALDS uses K > 1");
    }
  }

  @Test
  void lRankDiscardsLessRelativeEnergyThanTheOtherSvdAllocators() {
    for (double keep : new double[] {0.3, 0.6}) {
      Budget budget = Budget.parameters(keep);
      double lrank =
          discarded(LowRankMethod.LRANK.allocator().allocate(resnet, weights, budget, 1));
      double svd = discarded(LowRankMethod.SVD.allocator().allocate(resnet, weights, budget, 1));
      double energy =
          discarded(LowRankMethod.SVD_ENERGY.allocator().allocate(resnet, weights, budget, 1));
      assertTrue(
          lrank < svd && lrank < energy,
          "keep " + keep + ": L-Rank " + lrank + ", SVD " + svd + ", energy " + energy);
    }
  }

  /** sum over layers of discarded sigma^2 / ||W||_F^2 (K = 1 plans). */
  private static double discarded(LowRankPlan plan) {
    double sum = 0;
    for (LayerPlan lp : plan.layers()) {
      if (lp.factored()) {
        double[] s = weights.spectrum(weights.indexOf(lp.node()));
        double total = 0;
        double tail = 0;
        for (int i = 0; i < s.length; i++) {
          total += s[i] * s[i];
          tail += i >= lp.rank() ? s[i] * s[i] : 0;
        }
        sum += tail / total;
      }
    }
    return sum;
  }

  @Test
  void sameSeedSamePlan() {
    LowRankPlan a = LowRankMethod.ALDS.allocator().allocate(resnet, weights, Budget.flops(0.4), 9);
    LowRankPlan b = LowRankMethod.ALDS.allocator().allocate(resnet, weights, Budget.flops(0.4), 9);
    assertEquals(a, b);
  }

  @Test
  void aldsFindsTheMinMaxOptimumOfABruteForceSearch() {
    // conv c = 4 (K in 1, 2, 4), two linear layers; every (K, j) combination is enumerated
    NetworkBuilder b = Network.builder(new Shape(4, 3, 3));
    String x = b.add("conv", new Conv2d(4, 3, 2, 2, 1, 1, 0, 0, 1, 1, 1, true), Network.INPUT);
    x = b.add("relu", new Relu(), x);
    x = b.add("flatten", new Flatten(), x);
    x = b.add("fc1", new Linear(12, 7, true), x);
    x = b.add("relu1", new Relu(), x);
    b.add("fc2", new Linear(7, 6, true), x);
    try (Network net = b.build(Device.cpu(), 8)) {
      WeightSpectra s = WeightSpectra.of(net);
      List<List<double[]>> options = new ArrayList<>(); // per layer: {cost, error}
      long fixed = net.parameterCount();
      for (int l = 0; l < s.layers().size(); l++) {
        FactorableLayer fl = s.layers().get(l);
        fixed -= fl.weights();
        List<double[]> o = new ArrayList<>();
        o.add(new double[] {fl.weights(), 0});
        for (int k : fl.groupCounts()) {
          for (int j = 1; j <= fl.maxRank(k); j++) {
            if (fl.factoredWeights(k, j) < fl.weights()) {
              o.add(new double[] {fl.factoredWeights(k, j), s.errors(l, k)[j - 1]});
            }
          }
        }
        options.add(o);
      }
      for (double keep = 0.55; keep < 0.99; keep += 0.05) {
        double limit = keep * net.parameterCount();
        double best = Double.POSITIVE_INFINITY;
        for (double[] a : options.get(0)) {
          for (double[] c : options.get(1)) {
            for (double[] d : options.get(2)) {
              if (fixed + a[0] + c[0] + d[0] <= limit) {
                best = Math.min(best, Math.max(a[1], Math.max(c[1], d[1])));
              }
            }
          }
        }
        LowRankPlan plan =
            LowRankMethod.ALDS.allocator().allocate(net, s, Budget.parameters(keep), 3);
        assertEquals(best, plan.maxError(), 1e-15, "keep " + keep);
        assertTrue(plan.params() <= limit);
      }
    }
  }

  @Test
  void badBudgetsAreRejectedWithTheWayOut() {
    for (double keep : new double[] {0, -0.5, 1.5, Double.NaN}) {
      AllocationException e =
          assertThrows(AllocationException.class, () -> Budget.parameters(keep));
      assertTrue(e.getMessage().contains("(0, 1]"), e.getMessage());
    }
    // smallest network: every factorable layer at rank 1 with K = 1, unless that is not smaller
    long smallest = resnet.parameterCount();
    for (FactorableLayer fl : weights.layers()) {
      smallest += Math.min(fl.weights(), fl.factoredWeights(1, 1)) - fl.weights();
    }
    double ratio = (double) smallest / resnet.parameterCount();
    String expected = String.format(Locale.ROOT, "%.4f", ratio);
    for (LowRankMethod method : LowRankMethod.values()) {
      LowRankException e =
          assertThrows(
              LowRankException.class,
              () ->
                  LowRankCompressor.compress(
                      resnet, method, Budget.parameters(ratio * 0.9), spectraFor(method), 1));
      assertTrue(
          e.getMessage().contains("smallest network") && e.getMessage().contains(expected),
          e.getMessage());
    }
    LowRankException noSamples =
        assertThrows(
            LowRankException.class,
            () ->
                LowRankCompressor.compress(
                    resnet, LowRankMethod.PCA, Budget.parameters(0.5), 1, JobContext.silent()));
    assertTrue(noSamples.getMessage().contains("sample set"), noSamples.getMessage());
    assertThrows(LowRankException.class, () -> LowRankMethod.parse("tucker"));
    assertEquals(LowRankMethod.SVD_ENERGY, LowRankMethod.parse("svd-energy"));
  }

  @Test
  void keepOneFactorsNothing() {
    LowRankPlan plan =
        LowRankMethod.ALDS.allocator().allocate(resnet, weights, Budget.parameters(1), 1);
    assertEquals(0, plan.factoredCount());
    assertEquals(resnet.parameterCount(), plan.params());
  }

  @Test
  void pcaOutputErrorIsMeasuredOnTheSamples() {
    try (Network net = LowRankTests.smallConvNet(12);
        NDManager m = NDManager.newBaseManager()) {
      NDArray samples = LowRankTests.normal(m, 4, 40, 4, 8, 8);
      OutputSpectra pca = OutputSpectra.measure(net, samples, JobContext.silent());
      int l = pca.indexOf("conv");
      for (int j = 1; j <= 6; j++) {
        try (Network f =
            Factorization.apply(
                net, LowRankTests.plan(pca, java.util.Map.of("conv", new int[] {1, j})), pca)) {
          float[] z =
              net.forward(
                      samples,
                      org.prunelab.nn.ForwardOptions.capturing(
                          org.prunelab.nn.layer.Mode.EVAL, java.util.Set.of("conv")))
                  .captured()
                  .get("conv")
                  .toFloatArray();
          float[] zHat =
              f.forward(
                      samples,
                      org.prunelab.nn.ForwardOptions.capturing(
                          org.prunelab.nn.layer.Mode.EVAL, java.util.Set.of("conv.decoder")))
                  .captured()
                  .get("conv.decoder")
                  .toFloatArray();
          double diff = 0;
          double norm = 0;
          for (int i = 0; i < z.length; i++) {
            diff += Math.pow((double) z[i] - zHat[i], 2);
            norm += (double) z[i] * z[i];
          }
          double measured = Math.sqrt(diff / norm);
          if (j < 6) {
            assertEquals(measured, pca.errors(l, 1)[j - 1], 1e-4 * measured, "rank " + j);
          } else {
            assertTrue(measured < 1e-6, "full rank PCA is exact: " + measured);
          }
        }
      }
    }
  }
}

package org.prunelab.prune.method;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.prunelab.data.Batch;
import org.prunelab.job.JobContext;
import org.prunelab.nn.Network;
import org.prunelab.prune.allocate.Allocator;
import org.prunelab.prune.allocate.Budget;
import org.prunelab.prune.allocate.GlobalThresholdAllocator;
import org.prunelab.prune.allocate.OptimalAllocator;
import org.prunelab.prune.allocate.UniformAllocator;
import org.prunelab.prune.sensitivity.SensitivityReport;
import org.prunelab.zoo.BundledModels;

/**
 * The size the surgery really builds lands within 0.5 percentage points of the request (and never
 * above it) for every allocator, from keep 0.9 down to 0.1, in parameters and in FLOPs, on the
 * trained ResNet-20.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RealisedBudgetTest {
  private Network resnet;
  private NDManager manager;
  private Batch samples;

  @BeforeAll
  void load() {
    resnet = TrainedFixtures.model(BundledModels.DEFAULT);
    manager = NDManager.newBaseManager(resnet.device());
    samples = TrainedFixtures.samples(resnet, 8, manager);
  }

  @AfterAll
  void close() {
    manager.close();
    resnet.close();
  }

  @Test
  void realisedSizeAfterSurgeryMatchesTheRequest() {
    List<Allocator> allocators =
        List.of(new UniformAllocator(), new OptimalAllocator(), new GlobalThresholdAllocator());
    PruneMethod pfp = PruneMethods.create(PruneMethodKind.parse("pfp"), 0);
    SensitivityReport scores =
        pfp.score(resnet, PruneRequest.of(Budget.parameters(1), samples, 0), JobContext.silent());
    for (Allocator allocator : allocators) {
      for (double keep : new double[] {0.9, 0.7, 0.5, 0.3, 0.1}) {
        for (Budget budget : List.of(Budget.parameters(keep), Budget.flops(keep))) {
          PruneRequest request = PruneRequest.of(budget, samples, 0).withAllocator(allocator);
          try (PruneOutcome outcome = pfp.prune(resnet, scores, request)) {
            double realised =
                budget.kind() == org.prunelab.prune.allocate.BudgetKind.PARAMETERS
                    ? (double) outcome.network().parameterCount() / resnet.parameterCount()
                    : (double) outcome.network().macs() / resnet.macs();
            String what = allocator.name() + " " + budget;
            assertTrue(realised <= keep + 1e-12, what + " realised " + realised);
            assertEquals(keep, realised, 0.005, what);
          }
        }
      }
    }
  }

  @Test
  void errorCurvesGrowAsChannelsGoAndVanishWhenAllStay() {
    List<ErrorCurve> curves =
        LayerErrorCurves.measure(
            resnet,
            org.prunelab.prune.sensitivity.FilterNorms.compute(
                resnet, org.prunelab.prune.sensitivity.FilterNorms.Norm.L2),
            ScoreSide.PRODUCER_OUTPUTS,
            samples.images(),
            LayerErrorCurves.defaultGrid(),
            JobContext.silent());
    assertEquals(org.prunelab.prune.ChannelGroups.trace(resnet).prunable().size(), curves.size());
    for (ErrorCurve curve : curves) {
      double[] e = curve.errors();
      assertEquals(0, e[e.length - 1], 1e-6, curve.group() + " at keep 1");
      assertTrue(e[0] > 0.05, curve.group() + " at keep 0.05: " + e[0]);
      assertTrue(e[0] >= e[9], curve.group());
    }
  }
}

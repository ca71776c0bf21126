package org.prunelab.prune.allocate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Allocators on problems small enough to solve by hand, and budget properties on a ResNet-sized
 * one.
 */
class AllocatorTest {

  /**
   * Size = fixed + sum_u kept_u * cost_u: what a chain of layers with per-channel costs looks like.
   */
  private static AllocationProblem linear(
      double fixed, double[] costs, List<AllocationUnit> units) {
    return new AllocationProblem(
        units,
        BudgetKind.PARAMETERS,
        kept -> {
          double size = fixed;
          for (int u = 0; u < kept.length; u++) {
            size += kept[u] * costs[u];
          }
          return size;
        });
  }

  private static float[] constant(int n, float v) {
    float[] a = new float[n];
    java.util.Arrays.fill(a, v);
    return a;
  }

  @Test
  void alphaAndSampleCountMatchTheirFormulasWorkedByHand() {
    // alpha = 2 * 3 * ln(8 * (1 + 1) * 1 / 1e-16) = 6 * (ln 16 + 16 ln 10) = 6 * 39.6139502 =
    // 237.68370
    assertEquals(237.68370, PfpSampleComplexity.alpha(1, 1), 1e-4);
    // m = ceil(3 * (6 + 2 * 0.5) * 10 * 2 / 0.25) = ceil(1680)
    assertEquals(1680, PfpSampleComplexity.samples(0.5, 10, 2), 0);
  }

  @Test
  void uniformKeepsTheSameFractionEverywhereAndFillsTheBudget() {
    List<AllocationUnit> units =
        List.of(
            AllocationUnit.ranked("a", constant(10, 1)),
            AllocationUnit.ranked("b", constant(20, 1)),
            AllocationUnit.ranked("c", constant(40, 1)));
    AllocationProblem problem = linear(100, new double[] {5, 3, 2}, units);
    assertEquals(290, problem.fullSize(), 0);
    assertEquals(110, problem.minimalSize(), 0);
    Allocation allocation = new UniformAllocator().allocate(problem, Budget.parameters(0.5));
    // target 145; r = 0.25 gives kept (3, 5, 10) -> 100 + 15 + 15 + 20 = 150 > 145, so r just
    // below: (2, 5, 10)
    // = 145 exactly (round(0.24 * 10) = 2, round(0.24 * 20) = 5, round(0.24 * 40) = 10).
    assertEquals(145, allocation.size(), 0);
    assertArrayEquals(new int[] {2, 5, 10}, allocation.kept());
    assertEquals(0.5, allocation.keepRatio(), 1e-12);
  }

  @Test
  void globalThresholdKeepsTheLargestSharesAcrossUnits() {
    List<AllocationUnit> units =
        List.of(
            AllocationUnit.ranked("a", new float[] {5, 3, 2}),
            AllocationUnit.ranked("b", new float[] {1, 1, 1, 1}));
    AllocationProblem problem = linear(0, new double[] {1, 1}, units);
    // shares: a (0.5, 0.3, 0.2), b (0.25 x 4). A threshold of 0.25 keeps 2 + 4 = 6 > 4, so the
    // search stops at 0.3
    // (2 + 1 = 3) and the top-up adds the most valuable next element: b's 0.25 beats a's 0.2 -> (2,
    // 2).
    Allocation allocation =
        new GlobalThresholdAllocator().allocate(problem, Budget.parameters(4.0 / 7));
    assertArrayEquals(new int[] {2, 2}, allocation.kept());
    assertEquals(0.3, allocation.level(), 1e-6);
  }

  @Test
  void optimalGivesMoreToTheUnitWhoseLayerIsMoreSensitive() {
    float[] flat = constant(32, 1);
    List<AllocationUnit> units =
        List.of(
            new AllocationUnit("calm", 32, flat, List.of(new SensitivityTerm("l1", flat, 32, 10))),
            new AllocationUnit(
                "fragile", 32, flat, List.of(new SensitivityTerm("l2", flat, 32, 40))));
    AllocationProblem problem = linear(0, new double[] {1, 1}, units);
    Allocation allocation = new OptimalAllocator().allocate(problem, Budget.parameters(0.5));
    int[] kept = allocation.kept();
    assertTrue(kept[1] > kept[0], "fragile layer keeps more: " + kept[0] + " vs " + kept[1]);
    assertEquals(32, kept[0] + kept[1]);
  }

  @Test
  void optimalAllocationIsTheSharedErrorSolutionOfTheFormula() {
    Random random = new Random(7);
    List<AllocationUnit> units = new ArrayList<>();
    double[] costs = new double[6];
    for (int u = 0; u < 6; u++) {
      int n = 8 << (u % 3);
      float[] s = new float[n];
      double total = 0;
      for (int j = 0; j < n; j++) {
        s[j] = (float) Math.pow(random.nextDouble(), 3);
        total += s[j];
      }
      units.add(
          new AllocationUnit(
              "u" + u, n, s, List.of(new SensitivityTerm("l" + u, s, total, 20 + 10 * u))));
      costs[u] = 9 * (u + 1);
    }
    AllocationProblem problem = linear(50, costs, units);
    Allocation allocation = new OptimalAllocator().allocate(problem, Budget.parameters(0.4));
    double eps = allocation.level();
    // Independent evaluation of c'_u(eps) with Math.pow: the allocation keeps at least that in
    // every unit.
    int[] needed = new int[units.size()];
    for (int u = 0; u < units.size(); u++) {
      SensitivityTerm term = units.get(u).terms().get(0);
      double m =
          Math.ceil(3 * (6 + 2 * eps) * term.alpha() * term.totalSensitivity() / (eps * eps));
      double distinct = 0;
      for (float s : term.sensitivities()) {
        distinct += 1 - Math.pow(1 - s / term.totalSensitivity(), m);
      }
      needed[u] = (int) Math.min(units.get(u).elements(), Math.max(1, Math.ceil(distinct - 1e-9)));
      assertTrue(
          allocation.kept()[u] >= needed[u],
          "unit " + u + " keeps " + allocation.kept()[u] + " < " + needed[u]);
    }
    assertTrue(allocation.size() <= 0.4 * problem.fullSize());
    assertTrue(0.4 * problem.fullSize() - allocation.size() < 9, "gap below the cheapest element");
  }

  @ParameterizedTest
  @ValueSource(doubles = {0.9, 0.7, 0.5, 0.3, 0.1})
  void everyBudgetedAllocatorLandsWithinHalfAPercentOnAResNetSizedProblem(double keep) {
    Random random = new Random(11);
    List<AllocationUnit> units = new ArrayList<>();
    int[] widths = {16, 32, 64};
    double[] costs = new double[27];
    for (int u = 0; u < 27; u++) {
      int n = widths[u / 9];
      float[] s = new float[n];
      double total = 0;
      for (int j = 0; j < n; j++) {
        s[j] = (float) random.nextDouble();
        total += s[j];
      }
      units.add(
          new AllocationUnit("g" + u, n, s, List.of(new SensitivityTerm("c" + u, s, total, 150))));
      costs[u] = 18.0 * n + 4;
    }
    AllocationProblem problem = linear(700, costs, units);
    for (Allocator allocator :
        List.of(new UniformAllocator(), new GlobalThresholdAllocator(), new OptimalAllocator())) {
      Allocation allocation = allocator.allocate(problem, Budget.parameters(keep));
      assertTrue(allocation.keepRatio() <= keep + 1e-12, allocator.name());
      assertEquals(keep, allocation.keepRatio(), 0.005, allocator.name() + " at " + keep);
    }
  }

  @Test
  void manualRatiosAreRoundedPerUnitAndUnnamedUnitsStayWhole() {
    List<AllocationUnit> units =
        List.of(
            AllocationUnit.ranked("a", constant(10, 1)),
            AllocationUnit.ranked("b", constant(20, 1)));
    AllocationProblem problem = linear(0, new double[] {1, 1}, units);
    Allocation allocation =
        new ManualAllocator(Map.of("a", 0.34)).allocate(problem, Budget.parameters(1));
    assertArrayEquals(new int[] {3, 20}, allocation.kept());
    assertArrayEquals(
        new int[] {1, 20},
        new ManualAllocator(Map.of("a", 0.01)).allocate(problem, Budget.parameters(1)).kept());
  }

  @Test
  void impossibleRequestsAreRefusedWithTheWayOut() {
    List<AllocationUnit> units = List.of(AllocationUnit.ranked("conv1", constant(10, 1)));
    AllocationProblem problem = linear(100, new double[] {10}, units);
    for (double bad : new double[] {0, -0.5, 1.01, Double.NaN}) {
      AllocationException e = assertThrows(AllocationException.class, () -> Budget.parameters(bad));
      assertTrue(e.getMessage().contains("outside (0, 1]"), e.getMessage());
    }
    AllocationException tooSmall =
        assertThrows(
            AllocationException.class,
            () -> new UniformAllocator().allocate(problem, Budget.parameters(0.5)));
    assertTrue(tooSmall.getMessage().contains("at least 0.5500"), tooSmall.getMessage());
    AllocationException unknown =
        assertThrows(
            AllocationException.class,
            () ->
                new ManualAllocator(Map.of("conv9", 0.5)).allocate(problem, Budget.parameters(1)));
    assertTrue(
        unknown.getMessage().contains("[conv9]") && unknown.getMessage().contains("[conv1]"),
        unknown.getMessage());
    assertThrows(AllocationException.class, () -> new ManualAllocator(Map.of("conv1", 0.0)));
    AllocationException noTerms =
        assertThrows(
            AllocationException.class,
            () -> new OptimalAllocator().allocate(problem, Budget.parameters(0.9)));
    assertTrue(noTerms.getMessage().contains("conv1"), noTerms.getMessage());
    assertThrows(
        AllocationException.class, () -> AllocationUnit.ranked("nan", new float[] {1, Float.NaN}));
  }
}

package org.prunelab.ui.allocation;

import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;
import org.prunelab.data.Datasets;
import org.prunelab.job.JobContext;
import org.prunelab.prune.allocate.AllocatorKind;
import org.prunelab.service.CompressionMethod;
import org.prunelab.service.LoadedModel;
import org.prunelab.service.ModelLoader;
import org.prunelab.service.ScoreCache;
import org.prunelab.service.ScoredModel;

/**
 * Benchmark (not a test): the work the allocation view does synchronously on every mouse move of a
 * bar drag on ResNet-56 (random weights, synthetic data: sizes and curve lookups do not depend on
 * the weights): snap the ratio to whole channels, recompute exact parameters and FLOPs with the
 * size model and the predicted error of every group, and one optimal allocation (slider move).
 * Prints the median and 99th percentile.
 *
 * <p>Run: {@code ./mvnw -q -o test-compile && ./mvnw -q -o dependency:build-classpath
 * -Dmdep.outputFile=cp.txt && ONEDNN_MAX_CPU_ISA=SSE41 java -Dai.djl.offline=true -cp
 * target/classes:target/test-classes:$(cat cp.txt) org.prunelab.ui.allocation.DragBenchmark}
 */
public final class DragBenchmark {
  private static final int MOVES = 20_000;

  private DragBenchmark() {}

  public static void main(String[] args) {
    LoadedModel model = ModelLoader.load("resnet56", Datasets.SYNTHETIC, JobContext.silent());
    try {
      ScoredModel scored =
          new ScoreCache().score(model, CompressionMethod.PFP, 8, 0, JobContext.silent());
      AllocationCalculator calc = new AllocationCalculator(scored);
      double[] ratios = new double[calc.size()];
      Arrays.fill(ratios, 1);
      SplittableRandom random = new SplittableRandom(0);
      long[] drag = new long[MOVES];
      long sink = 0;
      for (int i = 0; i < MOVES; i++) {
        int u = random.nextInt(calc.size());
        long start = System.nanoTime();
        ratios[u] = calc.snap(u, random.nextDouble());
        Totals t = calc.totals(ratios);
        drag[i] = System.nanoTime() - start;
        sink += t.parameters();
      }
      long[] allocate = new long[500];
      for (int i = 0; i < allocate.length; i++) {
        double budget = 0.1 + 0.8 * random.nextDouble();
        long start = System.nanoTime();
        double[] r =
            calc.allocate(
                AllocatorKind.OPTIMAL, org.prunelab.prune.allocate.Budget.parameters(budget));
        Totals t = calc.totals(r);
        allocate[i] = System.nanoTime() - start;
        sink += t.macs();
      }
      System.out.printf(
          Locale.ROOT,
          "ResNet-56: %d prunable groups, %,d parameters%n",
          calc.size(),
          calc.full().parameters());
      System.out.printf(
          Locale.ROOT,
          "bar drag -> totals: median %.1f us, p99 %.1f us over %d moves%n",
          percentile(drag, 0.5) / 1e3,
          percentile(drag, 0.99) / 1e3,
          MOVES);
      System.out.printf(
          Locale.ROOT,
          "slider move (optimal allocation + totals): median %.2f ms, p99 %.2f ms over "
              + "%d moves%n",
          percentile(allocate, 0.5) / 1e6,
          percentile(allocate, 0.99) / 1e6,
          allocate.length);
      System.out.println("(checksum " + sink + ")");
    } finally {
      model.network().close();
    }
  }

  private static double percentile(long[] values, double q) {
    long[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[(int) Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  }
}

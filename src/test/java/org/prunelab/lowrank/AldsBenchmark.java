package org.prunelab.lowrank;

import ai.djl.Device;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Locale;
import org.prunelab.job.JobContext;
import org.prunelab.nn.Network;
import org.prunelab.prune.allocate.Budget;
import org.prunelab.zoo.Zoo;
import org.prunelab.zoo.ZooOptions;

/**
 * Benchmark harness (not a timed unit test) for docs/benchmarks.md "Low-rank": ALDS allocation on a
 * randomly initialised CIFAR ResNet-56 (3x32x32, 10 classes, seed 0) at parameter keep ratio 0.5,
 * timed with the spectra precomputed and end to end (weight copy, every SVD for every K,
 * allocation); medians over repeated runs after warm-up, as wall-clock time and as the thread's CPU
 * time (which a loaded machine inflates less). Run from the repository root after {@code ./mvnw -o
 * test-compile}:
 *
 * <pre>
 * ONEDNN_MAX_CPU_ISA=SSE41 java -Dai.djl.offline=true -cp target/classes:target/test-classes:$(cat cp.txt) \
 *   org.prunelab.lowrank.AldsBenchmark [runs]
 * </pre>
 */
public final class AldsBenchmark {
  private AldsBenchmark() {}

  public static void main(String[] args) {
    int runs = args.length > 0 ? Integer.parseInt(args[0]) : 11;
    Budget budget = Budget.parameters(0.5);
    try (Network net = Zoo.create("resnet56", ZooOptions.colour32(), Device.cpu(), 0)) {
      WeightSpectra spectra = WeightSpectra.of(net).precompute(JobContext.silent());
      ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
      long[] allocation = new long[runs];
      long[] allocationCpu = new long[runs];
      LowRankPlan plan = null;
      for (int i = -3; i < runs; i++) {
        long t = System.nanoTime();
        long c = cpu.getCurrentThreadCpuTime();
        plan = LowRankMethod.ALDS.allocator().allocate(net, spectra, budget, 1);
        if (i >= 0) {
          allocation[i] = System.nanoTime() - t;
          allocationCpu[i] = cpu.getCurrentThreadCpuTime() - c;
        }
      }
      int endToEndRuns = Math.max(3, runs / 2);
      long[] endToEnd = new long[endToEndRuns];
      long[] endToEndCpu = new long[endToEndRuns];
      for (int i = -1; i < endToEndRuns; i++) {
        long t = System.nanoTime();
        long c = cpu.getCurrentThreadCpuTime();
        WeightSpectra fresh = WeightSpectra.of(net).precompute(JobContext.silent());
        LowRankMethod.ALDS.allocator().allocate(net, fresh, budget, 1);
        if (i >= 0) {
          endToEnd[i] = System.nanoTime() - t;
          endToEndCpu[i] = cpu.getCurrentThreadCpuTime() - c;
        }
      }
      System.out.printf(
          Locale.ROOT,
          "ResNet-56 (3x32x32): %d factorable layers, %,d parameters, %.1f M MACs%n",
          spectra.layers().size(),
          net.parameterCount(),
          net.macs() / 1e6);
      System.out.printf(
          Locale.ROOT,
          "ALDS plan at keep %.2f: parameters %.4f, FLOPs %.4f, max error %.4f%n",
          budget.keepRatio(),
          plan.paramsRatio(),
          plan.macsRatio(),
          plan.maxError());
      System.out.printf(
          Locale.ROOT,
          "allocation, spectra precomputed: wall median %.1f ms (min %.1f, max %.1f), "
              + "thread CPU median %.1f ms, %d runs%n",
          median(allocation),
          min(allocation),
          max(allocation),
          median(allocationCpu),
          runs);
      System.out.printf(
          Locale.ROOT,
          "end to end incl. all SVDs: wall median %.1f ms (min %.1f, max %.1f), "
              + "thread CPU median %.1f ms, %d runs%n",
          median(endToEnd),
          min(endToEnd),
          max(endToEnd),
          median(endToEndCpu),
          endToEndRuns);
    }
  }

  private static double median(long[] ns) {
    long[] s = ns.clone();
    Arrays.sort(s);
    return (s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2.0)
        / 1e6;
  }

  private static double min(long[] ns) {
    return Arrays.stream(ns).min().orElse(0) / 1e6;
  }

  private static double max(long[] ns) {
    return Arrays.stream(ns).max().orElse(0) / 1e6;
  }
}

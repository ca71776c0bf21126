package org.prunelab.prune.method;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.prunelab.nn.Network;
import org.prunelab.prune.Surgery;
import org.prunelab.prune.allocate.AllocationProblem;
import org.prunelab.prune.allocate.Allocator;
import org.prunelab.prune.allocate.Budget;
import org.prunelab.prune.allocate.BudgetKind;
import org.prunelab.prune.allocate.GlobalThresholdAllocator;
import org.prunelab.prune.allocate.OptimalAllocator;
import org.prunelab.prune.allocate.UniformAllocator;
import org.prunelab.prune.sensitivity.PfpOptions;
import org.prunelab.prune.sensitivity.PfpSensitivity;
import org.prunelab.prune.sensitivity.SensitivityReport;
import org.prunelab.zoo.ModelResolver;
import org.prunelab.zoo.ZooOptions;

/**
 * Benchmark (not a test): how long each allocator takes on ResNet-56 (PFP scores of 16 random
 * inputs), per call over keep ratios 0.1 to 0.9, next to one exact size evaluation and one surgery
 * of the same network (what an outer search that builds the network per step would pay). Medians of
 * 30 rounds. Run:
 *
 * <pre>
 *   ./mvnw -q -o package -DskipTests && ./mvnw -q -o test-compile
 *   ONEDNN_MAX_CPU_ISA=SSE41 java -cp "target/classes:target/test-classes:target/lib/*" \
 *     org.prunelab.prune.method.AllocationBenchmark
 * </pre>
 */
public final class AllocationBenchmark {
  private static final int ROUNDS = 30;

  private AllocationBenchmark() {}

  public static void main(String[] args) {
    try (Network net =
            ModelResolver.open("resnet56", new ZooOptions(1, 28, 28, 10, 1.0), Device.cpu(), 0);
        NDManager manager = NDManager.newBaseManager(Device.cpu())) {
      NDArray inputs = manager.randomNormal(new Shape(16, 1, 28, 28));
      SensitivityReport scores = PfpSensitivity.compute(net, inputs, PfpOptions.DEFAULT);
      ChannelBudgetProblem channels =
          ChannelBudgetProblem.of(net, scores, ScoreSide.CONSUMER_INPUTS, true);
      AllocationProblem problem = channels.problem(BudgetKind.PARAMETERS);
      System.out.printf(
          Locale.ROOT,
          "ResNet-56: %d prunable groups, %d channels%n",
          channels.units().size(),
          channels.units().stream().mapToInt(u -> u.elements()).sum());
      System.out.println("| step | median per call |");
      System.out.println("|---|---:|");
      for (Allocator allocator :
          List.of(new OptimalAllocator(), new UniformAllocator(), new GlobalThresholdAllocator())) {
        double[] times = new double[ROUNDS * 9];
        int t = 0;
        for (int round = 0; round < ROUNDS; round++) {
          for (int k = 1; k <= 9; k++) {
            long start = System.nanoTime();
            allocator.allocate(problem, Budget.parameters(k / 10.0));
            times[t++] = (System.nanoTime() - start) / 1e6;
          }
        }
        System.out.printf(
            Locale.ROOT, "| %s allocation | %.3f ms |%n", allocator.name(), median(times));
      }
      Map<String, Integer> half = new HashMap<>();
      channels.units().forEach(u -> half.put(u.id(), Math.max(1, u.elements() / 2)));
      double[] sizeTimes = new double[ROUNDS * 100];
      for (int i = 0; i < sizeTimes.length; i++) {
        long start = System.nanoTime();
        channels.sizeWith(half);
        sizeTimes[i] = (System.nanoTime() - start) / 1e6;
      }
      System.out.printf(
          Locale.ROOT,
          "| exact size of one allocation (SizeModel) | %.4f ms |%n",
          median(sizeTimes));
      Map<String, int[]> kept = new HashMap<>();
      half.forEach((id, n) -> kept.put(id, java.util.stream.IntStream.range(0, n).toArray()));
      double[] surgeryTimes = new double[5];
      for (int i = 0; i < surgeryTimes.length; i++) {
        long start = System.nanoTime();
        Surgery.keep(net, kept).close();
        surgeryTimes[i] = (System.nanoTime() - start) / 1e6;
      }
      System.out.printf(
          Locale.ROOT, "| reference: one surgery of ResNet-56 | %.1f ms |%n", median(surgeryTimes));
    }
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }
}

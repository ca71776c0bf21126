package org.prunelab.prune.sensitivity;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.pytorch.jni.JniUtils;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.prunelab.data.Batch;
import org.prunelab.data.DataSplits;
import org.prunelab.data.Datasets;
import org.prunelab.data.ImageDataset;
import org.prunelab.data.SplitOptions;
import org.prunelab.nn.Network;
import org.prunelab.train.InputNormalization;
import org.prunelab.zoo.BundledModels;

/**
 * Benchmark harness (a main, not a test): PFP sensitivities of the trained ResNet-20 on |S| real
 * Fashion-MNIST images, batched ({@link PfpSensitivity}) next to torchprune's per-image loop
 * ({@link TorchpruneStyleLoop}) in the same process, with medians and the largest relative
 * difference of the two results. Run from the repository root (see docs/benchmarks.md):
 *
 * <pre>
 *   ./mvnw -q -o -B test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 *   ONEDNN_MAX_CPU_ISA=SSE41 java -Dai.djl.offline=true -cp target/classes:target/test-classes:$(cat target/cp.txt) \
 *       org.prunelab.prune.sensitivity.SensitivityBenchmark [images=256] [repeats=3] [loopRepeats=1] [threads=2]
 * </pre>
 */
public final class SensitivityBenchmark {
  private SensitivityBenchmark() {}

  public static void main(String[] args) {
    int images = args.length > 0 ? Integer.parseInt(args[0]) : 256;
    int repeats = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    int loopRepeats = args.length > 2 ? Integer.parseInt(args[2]) : 1;
    int threads = args.length > 3 ? Integer.parseInt(args[3]) : 2;
    Engine.getInstance();
    JniUtils.setNumThreads(threads);
    DataSplits splits =
        Datasets.load("fashion-mnist", Optional.empty(), new SplitOptions(5000, 1000, 42));
    ImageDataset s = SampleSets.choose(splits.sampleSet(), images, 0);
    try (Network net = Fixtures.bundled(BundledModels.DEFAULT);
        NDManager m = NDManager.newBaseManager(Device.cpu());
        Batch batch = SampleSets.batch(s, InputNormalization.of(net).orElseThrow(), m)) {
      System.out.printf(
          Locale.ROOT,
          "ResNet-20 (%s), |S| = %d Fashion-MNIST images, %d threads, ONEDNN_MAX_CPU_ISA=%s,"
              + " %s%n",
          BundledModels.DEFAULT,
          images,
          threads,
          System.getenv("ONEDNN_MAX_CPU_ISA"),
          PfpOptions.DEFAULT);
      PfpSensitivity.compute(net, batch.images().get("0:8"), PfpOptions.DEFAULT);
      SensitivityReport[] last = new SensitivityReport[1];
      double batched =
          median(
              repeats,
              () -> last[0] = PfpSensitivity.compute(net, batch.images(), PfpOptions.DEFAULT),
              "batched");
      if (loopRepeats == 0) {
        System.out.printf(Locale.ROOT, "batched PFP: median %.2f s (%d runs)%n", batched, repeats);
        return;
      }
      AtomicReference<Map<String, float[]>> loop = new AtomicReference<>();
      double perPoint =
          median(
              loopRepeats,
              () -> loop.set(TorchpruneStyleLoop.weightSensitivities(net, batch.images())),
              "per-image loop");
      double worstWeight = 0;
      double worstChannel = 0;
      for (LayerGeometry l : LayerGeometry.of(net)) {
        float[] a = last[0].layer(l.node()).weightScores();
        float[] b = loop.get().get(l.node());
        worstWeight = Math.max(worstWeight, maxRelative(a, b));
        worstChannel =
            Math.max(
                worstChannel,
                maxRelative(
                    last[0].layer(l.node()).inputChannelScores(),
                    PfpSensitivity.perInputChannel(l, b)));
      }
      System.out.printf(
          Locale.ROOT,
          "batched PFP: median %.2f s (%d runs); per-image loop: median %.2f s (%d runs); "
              + "speed-up %.1fx%n",
          batched,
          repeats,
          perPoint,
          loopRepeats,
          perPoint / batched);
      System.out.printf(
          Locale.ROOT,
          "largest relative difference: weights %.2e, input channels %.2e%n",
          worstWeight,
          worstChannel);
    }
  }

  private static double median(int runs, Runnable task, String what) {
    List<Double> seconds = new ArrayList<>();
    var os =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    for (int r = 0; r < runs; r++) {
      long c0 = os.getProcessCpuTime();
      long t0 = System.nanoTime();
      task.run();
      seconds.add((System.nanoTime() - t0) / 1e9);
      System.out.printf(
          Locale.ROOT,
          "  %s run %d: %.2f s wall, %.2f s CPU (all threads of the process), "
              + "load average %.1f%n",
          what,
          r + 1,
          seconds.get(r),
          (os.getProcessCpuTime() - c0) / 1e9,
          os.getSystemLoadAverage());
    }
    double[] sorted = seconds.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    return sorted.length % 2 == 1
        ? sorted[sorted.length / 2]
        : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
  }

  private static double maxRelative(float[] a, float[] b) {
    double worst = 0;
    for (int i = 0; i < a.length; i++) {
      double scale = Math.max(Math.abs(a[i]), Math.abs(b[i]));
      if (scale > 0) {
        worst = Math.max(worst, Math.abs(a[i] - b[i]) / scale);
      }
    }
    return worst;
  }
}

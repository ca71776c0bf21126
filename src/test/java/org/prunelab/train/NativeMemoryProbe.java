package org.prunelab.train;

import ai.djl.Device;
import java.nio.file.Files;
import java.nio.file.Path;
import org.prunelab.data.DataLoader;
import org.prunelab.data.DataSplits;
import org.prunelab.data.Datasets;
import org.prunelab.data.SplitOptions;
import org.prunelab.job.JobContext;
import org.prunelab.nn.Network;
import org.prunelab.zoo.Zoo;
import org.prunelab.zoo.ZooOptions;

/**
 * Child-process body of {@link NativeMemoryTest}: evaluates a network 100 times and prints the
 * resident memory outside the JVM's heap and non-heap areas after evaluation 20 and 100 ("native20
 * N", "native100 N", bytes), then the number of arrays DJL tracks after the first and the last
 * evaluation. Runs in its own JVM with a fixed small heap, so the numbers are not blurred by the
 * test JVM's heap resizing.
 */
public final class NativeMemoryProbe {
  private NativeMemoryProbe() {}

  public static void main(String[] args) throws Exception {
    DataSplits s = Datasets.synthetic(0, 1000, 512, new SplitOptions(100, 100, 0));
    try (Network net = Zoo.create("lenet5", ZooOptions.grey28().withWidth(0.5), Device.cpu(), 1)) {
      DataLoader loader = Loaders.evaluation(s.test(), s.normalization());
      int before = 0;
      for (int i = 1; i <= 100; i++) {
        Evaluator.evaluate(net, loader, JobContext.silent());
        if (i == 1) {
          before = liveArrays();
        }
        if (i == 20 || i == 100) {
          System.out.println("native" + i + " " + nativeBytes());
        }
      }
      System.out.println("arrays " + before + " " + liveArrays());
    }
  }

  /** Every array DJL tracks, in all managers below the engine's root manager. */
  private static int liveArrays() {
    try (ai.djl.ndarray.NDManager probe = ai.djl.ndarray.NDManager.newBaseManager(Device.cpu())) {
      return probe.getParentManager().getManagedArrays().size();
    }
  }

  private static long nativeBytes() throws Exception {
    System.gc();
    Thread.sleep(300);
    var jvm = java.lang.management.ManagementFactory.getMemoryMXBean();
    String[] statm = Files.readString(Path.of("/proc/self/statm")).trim().split("\\s+");
    return Long.parseLong(statm[1]) * 4096
        - jvm.getHeapMemoryUsage().getCommitted()
        - jvm.getNonHeapMemoryUsage().getCommitted();
  }
}

package org.prunelab.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.prunelab.data.DataLoader;
import org.prunelab.data.DataSplits;
import org.prunelab.job.JobContext;
import org.prunelab.nn.Network;
import org.prunelab.zoo.Zoo;
import org.prunelab.zoo.ZooOptions;

/**
 * 100 evaluations of a ResNet must not grow native memory: the network's own scope keeps exactly its parameters,
 * and the process's resident memory after 100 calls stays within 64 MiB of what it was after 10.
 */
class NativeMemoryTest {

  @Test
  void hundredEvaluationsDoNotGrowNativeMemory() throws IOException {
    DataSplits s = FashionMnistTraining.splits();
    try (Network net = Zoo.create("resnet20", ZooOptions.grey28().withWidth(0.5), Device.cpu(), 1)) {
      NDManager parameterScope = net.parameters().values().iterator().next().getManager();
      int arrays = parameterScope.getManagedArrays().size();
      DataLoader loader = Loaders.evaluation(FashionMnistTraining.first(s.test(), 300), s.normalization());
      long rssAfterTen = 0;
      for (int i = 1; i <= 100; i++) {
        Evaluator.evaluate(net, loader, JobContext.silent());
        if (i == 10) {
          rssAfterTen = residentBytes();
        }
      }
      long growth = residentBytes() - rssAfterTen;
      assertEquals(arrays, parameterScope.getManagedArrays().size(), "arrays left in the network's scope");
      assertTrue(growth < 64L << 20, "resident memory grew by " + (growth >> 20) + " MiB over 90 evaluations");
    }
  }

  private static long residentBytes() throws IOException {
    String[] statm = Files.readString(Path.of("/proc/self/statm")).trim().split("\\s+");
    return Long.parseLong(statm[1]) * 4096;
  }
}

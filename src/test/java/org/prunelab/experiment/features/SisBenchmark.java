package org.prunelab.experiment.features;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.prunelab.data.DataSplits;
import org.prunelab.data.Datasets;
import org.prunelab.data.SplitOptions;
import org.prunelab.job.JobContext;
import org.prunelab.nn.Devices;
import org.prunelab.nn.Network;
import org.prunelab.train.InputNormalization;
import org.prunelab.zoo.ModelResolver;
import org.prunelab.zoo.ZooOptions;

/**
 * Benchmark (not a test): the SIS of one Fashion-MNIST test image under the bundled trained LeNet-5
 * by batched backward selection (512 candidates per forward pass) against the same algorithm
 * scoring one candidate per forward pass, side by side in one process, on the first test images the
 * network is at least 0.9 confident on, for patch sides given as arguments (default 4 2). Both must
 * find the same SIS; prints seconds per image (median over the images) and the ratio.
 *
 * <pre>
 *   java -cp "target/test-classes:target/classes:target/lib/*" \
 *     org.prunelab.experiment.features.SisBenchmark 4 2
 * </pre>
 */
public final class SisBenchmark {
  private static final int IMAGES = 3;

  private SisBenchmark() {}

  public static void main(String[] args) {
    List<Integer> patches =
        args.length == 0 ? List.of(4, 2) : Arrays.stream(args).map(Integer::valueOf).toList();
    DataSplits splits = Datasets.open("fashion-mnist", Optional.empty(), new SplitOptions(0, 0, 0));
    try (Network net =
        ModelResolver.open(
            Path.of("assets/models/lenet5-fashion-mnist.plm").toString(),
            new ZooOptions(1, 28, 28, 10, 1.0),
            Devices.preferred(),
            0)) {
      var normalization = InputNormalization.of(net).orElseGet(splits::normalization);
      for (int patch : patches) {
        FeatureGrid grid = new FeatureGrid(1, 28, 28, patch);
        ClassConfidence confidence = new ClassConfidence(net, grid);
        List<Double> batched = new ArrayList<>();
        List<Double> single = new ArrayList<>();
        for (int i = 0; batched.size() < IMAGES; i++) {
          float[] image = ReferenceFeatures.normalised(splits.test(), i, normalization);
          ClassConfidence.Decision d = confidence.decide(image);
          if (d.confidence() < 0.9) {
            continue;
          }
          long t0 = System.nanoTime();
          SufficientInputSubset a =
              new BackwardSelection(confidence, grid, 0.9)
                  .find(image, d.klass(), JobContext.silent())
                  .orElseThrow();
          long t1 = System.nanoTime();
          SufficientInputSubset b =
              new BackwardSelection(confidence, grid, 0.9, 1)
                  .find(image, d.klass(), JobContext.silent())
                  .orElseThrow();
          long t2 = System.nanoTime();
          if (!a.features().equals(b.features())) {
            throw new IllegalStateException("batched and one-at-a-time SIS differ on image " + i);
          }
          batched.add((t1 - t0) / 1e9);
          single.add((t2 - t1) / 1e9);
        }
        double mb = median(batched);
        double ms = median(single);
        System.err.printf(
            Locale.ROOT,
            "patch %d (%d features): batched %.2f s/image, one at a time %.2f s/image, %.1fx;"
                + " batched %s, single %s%n",
            patch,
            grid.features(),
            mb,
            ms,
            ms / mb,
            batched,
            single);
      }
    }
  }

  private static double median(List<Double> values) {
    List<Double> sorted = values.stream().sorted().toList();
    return sorted.get(sorted.size() / 2);
  }
}

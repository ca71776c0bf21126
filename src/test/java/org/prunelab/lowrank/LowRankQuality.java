package org.prunelab.lowrank;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.prunelab.data.Batch;
import org.prunelab.data.DataSplits;
import org.prunelab.data.Datasets;
import org.prunelab.data.ImageDataset;
import org.prunelab.data.Normalization;
import org.prunelab.data.SplitOptions;
import org.prunelab.job.JobContext;
import org.prunelab.nn.Checkpoint;
import org.prunelab.nn.Network;
import org.prunelab.prune.allocate.Budget;
import org.prunelab.train.EpochRecord;
import org.prunelab.train.Evaluator;
import org.prunelab.train.InputNormalization;
import org.prunelab.train.LearningRateSchedule;
import org.prunelab.train.Loaders;
import org.prunelab.train.Metrics;
import org.prunelab.train.OptimizerSpec;
import org.prunelab.train.Trainer;
import org.prunelab.train.TrainingRecipe;

/**
 * Harness (not a unit test) for docs/results.md "Low-rank (issue 5)": compresses the bundled
 * Fashion-MNIST ResNet-20 with each method at a parameter keep ratio, evaluates each on the full
 * test set without retraining, then retrains the ALDS network briefly and evaluates it again.
 * Splits as the model was trained: 5,000 validation and 1,000 S images, split seed 0. Run from the
 * repository root after {@code ./mvnw -o test-compile}:
 *
 * <pre>
 * ONEDNN_MAX_CPU_ISA=SSE41 java -Dai.djl.offline=true -cp target/classes:target/test-classes:$(cat cp.txt) \
 *   org.prunelab.lowrank.LowRankQuality keep=0.5 methods=alds,svd baseline=true evaluate=true \
 *   retrain-epochs=2 retrain-images=54000 lr=0.01
 * </pre>
 *
 * (the values shown are the defaults; {@code retrain-images} takes the first images of the training
 * split; {@code baseline=false} skips evaluating the unpruned network, {@code evaluate=false} skips
 * evaluating the compressed networks before the retrain).
 */
public final class LowRankQuality {
  private LowRankQuality() {}

  public static void main(String[] args) {
    Map<String, String> a =
        new HashMap<>(
            Map.of(
                "keep",
                "0.5",
                "methods",
                "alds,svd",
                "baseline",
                "true",
                "evaluate",
                "true",
                "retrain-epochs",
                "2",
                "retrain-images",
                "54000",
                "lr",
                "0.01"));
    for (String arg : args) {
      String[] kv = arg.split("=", 2);
      if (kv.length != 2 || !a.containsKey(kv[0])) {
        throw new IllegalArgumentException("unknown argument '" + arg + "'; known: " + a.keySet());
      }
      a.put(kv[0], kv[1]);
    }
    double keep = Double.parseDouble(a.get("keep"));
    int epochs = Integer.parseInt(a.get("retrain-epochs"));
    int images = Integer.parseInt(a.get("retrain-images"));
    double lr = Double.parseDouble(a.get("lr"));
    boolean evaluateCompressed = Boolean.parseBoolean(a.get("evaluate"));
    DataSplits splits =
        Datasets.load("fashion-mnist", Optional.empty(), new SplitOptions(5000, 1000, 0));
    List<String> rows = new ArrayList<>();
    try (Network original =
            Checkpoint.load(
                Path.of("assets/models/resnet20-fashion-mnist.plm"), ai.djl.Device.cpu());
        NDManager manager = NDManager.newBaseManager()) {
      Normalization norm = InputNormalization.of(original).orElseThrow();
      long t = System.nanoTime();
      if (Boolean.parseBoolean(a.get("baseline"))) {
        Metrics base = evaluate(original, splits.test(), norm);
        rows.add(row("unpruned", original, original, base, "-", seconds(t)));
      }
      NDArray samples = samples(splits.sampleSet(), norm, manager);
      Network retrainee = null;
      for (String name : a.get("methods").split(",")) {
        LowRankMethod method = LowRankMethod.parse(name);
        t = System.nanoTime();
        LowRankResult r =
            LowRankCompressor.compress(
                original, method, Budget.parameters(keep), samples, 1, JobContext.silent());
        double compressSeconds = seconds(t);
        if (evaluateCompressed) {
          t = System.nanoTime();
          Metrics m = evaluate(r.network(), splits.test(), norm);
          rows.add(
              row(
                  method.cliName(),
                  original,
                  r.network(),
                  m,
                  String.format(Locale.ROOT, "%.3f", r.plan().maxError()),
                  seconds(t)));
        }
        System.err.printf(
            Locale.ROOT,
            "%s: compressed in %.1f s, plan %s%n",
            method.cliName(),
            compressSeconds,
            r.plan().layers());
        if (method == LowRankMethod.ALDS) {
          retrainee = r.network();
        } else {
          r.network().close();
        }
        print(rows);
      }
      if (retrainee != null && epochs > 0) {
        ImageDataset train = splits.train();
        if (images < train.size()) {
          train = train.subset(java.util.stream.IntStream.range(0, images).toArray());
        }
        TrainingRecipe recipe =
            new TrainingRecipe(
                epochs,
                128,
                OptimizerSpec.sgd(0.9, true, 5e-4),
                new LearningRateSchedule.Cosine(lr, 0, epochs),
                2,
                false,
                1);
        t = System.nanoTime();
        List<EpochRecord> history =
            new Trainer(recipe)
                .fit(
                    retrainee,
                    Loaders.training(train, norm, recipe),
                    Optional.empty(),
                    JobContext.silent());
        double trainSeconds = seconds(t);
        System.err.println("retrain: " + history);
        t = System.nanoTime();
        Metrics m = evaluate(retrainee, splits.test(), norm);
        rows.add(
            row(
                String.format(
                    Locale.ROOT,
                    "alds + retrain (%d epochs x %d images, lr %.3g cosine, %.0f s)",
                    epochs,
                    train.size(),
                    lr,
                    trainSeconds),
                original,
                retrainee,
                m,
                "-",
                seconds(t)));
        retrainee.close();
      }
      print(rows);
    }
  }

  private static Metrics evaluate(Network net, ImageDataset test, Normalization norm) {
    return Evaluator.evaluate(net, Loaders.evaluation(test, norm), JobContext.silent());
  }

  private static NDArray samples(ImageDataset s, Normalization norm, NDManager manager) {
    NDList parts = new NDList();
    for (Batch b : Loaders.evaluation(s, norm).epoch(0, manager)) {
      try (b) {
        NDArray images = b.images().duplicate();
        images.attach(manager);
        parts.add(images);
      }
    }
    return NDArrays.concat(parts);
  }

  private static String row(
      String what, Network original, Network net, Metrics m, String maxError, double seconds) {
    return String.format(
        Locale.ROOT,
        "| %s | %,d (%.3f) | %.1f M (%.3f) | %s | %.2f %% | %.0f s |",
        what,
        net.parameterCount(),
        (double) net.parameterCount() / original.parameterCount(),
        net.macs() / 1e6,
        (double) net.macs() / original.macs(),
        maxError,
        100 * m.top1(),
        seconds);
  }

  private static void print(List<String> rows) {
    System.out.println(
        "| network | parameters (ratio) | FLOPs (ratio) | max layer error | test top-1 | eval time |");
    System.out.println("|---|---:|---:|---:|---:|---:|");
    rows.forEach(System.out::println);
  }

  private static double seconds(long start) {
    return (System.nanoTime() - start) / 1e9;
  }
}

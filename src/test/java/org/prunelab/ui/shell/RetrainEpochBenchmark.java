package org.prunelab.ui.shell;

import static org.prunelab.ui.shell.FxFromMain.fx;
import static org.prunelab.ui.shell.FxFromMain.waitFor;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.prefs.Preferences;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.prunelab.experiment.ManualRuns;
import org.prunelab.job.JobHandle;
import org.prunelab.results.JobResult;
import org.prunelab.results.ResultsStore;
import org.prunelab.service.LoadedModel;
import org.prunelab.service.ModelLoader;
import org.prunelab.ui.allocation.AllocationView;
import org.prunelab.ui.allocation.AllocationViewModel;

/**
 * Benchmark, not a unit test: the epoch time of retraining ResNet-20 in the workbench against
 * {@code prunelab train} on the same machine. Each round runs, one after the other, (1) Prune &amp;
 * Retrain of the bundled trained ResNet-20 at half of its parameters (the allocation view's optimal
 * PFP allocation, one epoch over the model's whole training split) in a real {@link Workbench} (its
 * device worker, its engine threads), reading the retraining time the workbench records in its
 * results store, and (2) {@code java -jar target/prunelab.jar train} on the network that the
 * workbench retrained (same layers, one epoch, no validation set so the CLI's epoch time is
 * training only), reading the CLI's own epoch time. The comparison is training throughput in images
 * per second, since the two training splits differ by the 5,000 validation images the workbench
 * holds out. Run after {@code ./mvnw -o package -DskipTests} and {@code test-compile}, under
 * Monocle:
 *
 * <pre>
 * java -Dglass.platform=Monocle -Dmonocle.platform=Headless -Dprism.order=sw -Dai.djl.offline=true \
 *   -cp "target/test-classes:target/classes:target/lib/*" \
 *   org.prunelab.ui.shell.RetrainEpochBenchmark [rounds]
 * </pre>
 */
public final class RetrainEpochBenchmark {
  private static final Path JAR = Path.of("target/prunelab.jar");
  private static final Path RESNET20 = Path.of("assets/models/resnet20-fashion-mnist.plm");
  private static final Pattern CLI_EPOCH =
      Pattern.compile("epoch ([12]): train loss .* \\| ([0-9.]+) s$");
  private static final Pattern CLI_IMAGES = Pattern.compile(": ([0-9]+) train / ");

  private static final Duration WAIT = Duration.ofMinutes(30);

  private RetrainEpochBenchmark() {}

  /**
   * One round's figures: the workbench's epoch (images, seconds) and the CLI's first and second
   * epoch (images, seconds each).
   */
  private record Round(
      int wbImages, double wbSeconds, int cliImages, double cliFirst, double cliSecond) {
    double wbRate() {
      return wbImages / wbSeconds;
    }

    double cliRate(boolean first) {
      return cliImages / (first ? cliFirst : cliSecond);
    }
  }

  public static void main(String[] args) throws Exception {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 3;
    if (!Files.isRegularFile(JAR)) {
      throw new IllegalStateException(JAR + " is missing; run ./mvnw -o package -DskipTests");
    }
    Path dir = Files.createTempDirectory("retrain-bench");
    Path store = dir.resolve("results.db");
    System.setProperty("prunelab.results", store.toString());
    CompletableFuture<MainWindow> opened = new CompletableFuture<>();
    CompletableFuture<JobHandle<LoadedModel>> opening = new CompletableFuture<>();
    Workbench[] workbench = new Workbench[1];
    Platform.startup(
        () -> {
          workbench[0] =
              new Workbench(
                  Preferences.userRoot().node("/org/prunelab/bench-" + UUID.randomUUID()));
          opened.complete(MainWindow.open(workbench[0], new Stage()));
          opening.complete(workbench[0].openModel(RESNET20.toString(), Workbench.DEFAULT_DATASET));
        });
    MainWindow window = opened.get(60, TimeUnit.SECONDS);
    LoadedModel model = opening.get(60, TimeUnit.SECONDS).result().get(10, TimeUnit.MINUTES);
    AllocationViewModel vm = fx(() -> ((AllocationView) window.show("Allocation")).viewModel());
    waitFor(
        "the allocation view's scores",
        WAIT,
        () -> fx(() -> vm.editor().calculatorProperty().get() != null));
    System.err.printf(
        Locale.ROOT,
        "workbench engine threads %d, %d cores%n",
        Workbench.ENGINE_THREADS,
        Runtime.getRuntime().availableProcessors());
    List<Round> done = new ArrayList<>();
    for (int r = 0; r < rounds; r++) {
      Map<String, Long> cpuBefore = threadCpu();
      JobResult run = retrainInWorkbench(vm, store, model, done.size());
      printCpu(cpuBefore, threadCpu());
      Path retrained = fx(() -> vm.actions().retrainedProperty().get());
      double[] cli = trainWithCli(retrained, dir.resolve("cli-" + r + ".plm"));
      Round round =
          new Round(
              model.data().train().size(),
              run.retrainTime().toNanos() / 1e9,
              (int) cli[0],
              cli[1],
              cli[2]);
      done.add(round);
      System.err.printf(
          Locale.ROOT,
          "round %d: workbench %d images in %.1f s (%.1f images/s) | prunelab train %d images,"
              + " epoch 1 %.1f s (%.1f images/s), epoch 2 %.1f s (%.1f images/s)%n",
          r + 1,
          round.wbImages(),
          round.wbSeconds(),
          round.wbRate(),
          round.cliImages(),
          round.cliFirst(),
          round.cliRate(true),
          round.cliSecond(),
          round.cliRate(false));
    }
    // the workbench's first round is its process's first epoch, like every CLI epoch 1
    double wbFirst = done.get(0).wbRate();
    double wbLater =
        done.size() > 1
            ? median(done.subList(1, done.size()).stream().map(Round::wbRate).toList())
            : Double.NaN;
    double cliFirst = median(done.stream().map(x -> x.cliRate(true)).toList());
    double cliLater = median(done.stream().map(x -> x.cliRate(false)).toList());
    System.out.printf(
        Locale.ROOT,
        "first epoch in a fresh process: workbench %.1f images/s, prunelab train %.1f images/s"
            + " (median of %d), workbench / CLI %.3f%n",
        wbFirst,
        cliFirst,
        rounds,
        wbFirst / cliFirst);
    System.out.printf(
        Locale.ROOT,
        "later epochs: workbench %.1f images/s (median of %d, an epoch of %d images in %.1f s),"
            + " prunelab train epoch 2 %.1f images/s (median of %d), workbench / CLI %.3f%n",
        wbLater,
        rounds - 1,
        model.data().train().size(),
        model.data().train().size() / wbLater,
        cliLater,
        rounds,
        wbLater / cliLater);
    fx(
        () -> {
          window.getScene().getWindow().hide();
          return null;
        });
    workbench[0].awaitStopped(Duration.ofSeconds(60));
    Platform.exit();
  }

  private static JobResult retrainInWorkbench(
      AllocationViewModel vm, Path store, LoadedModel model, int before) throws Exception {
    fx(
        () -> {
          if (!vm.editor().applyBudget(0.5)) {
            throw new IllegalStateException("the budget of 0.5 was refused");
          }
          vm.actions().retrainEpochsProperty().set(1);
          vm.actions().retrainImagesProperty().set(0);
          vm.actions().pruneAndRetrain();
          return null;
        });
    waitFor(
        "Prune & Retrain",
        WAIT,
        () -> {
          String text = fx(() -> vm.actions().pruneTextProperty().get());
          if (text.contains("failed")) {
            throw new IllegalStateException(text);
          }
          return text.contains("recorded as");
        });
    try (ResultsStore results = ResultsStore.open(store)) {
      List<JobResult> runs =
          results.results(ManualRuns.specHash(model.source(), model.dataset())).stream()
              .filter(j -> j.retrainTime().toMillis() > 0)
              .sorted(Comparator.comparing(j -> j.key().repetition()))
              .toList();
      if (runs.size() != before + 1) {
        throw new IllegalStateException(
            "expected " + (before + 1) + " retrained runs in the store, found " + runs.size());
      }
      return runs.get(runs.size() - 1);
    }
  }

  /**
   * Runs {@code prunelab train} for two epochs; returns its training images and the seconds of its
   * first and second epoch.
   */
  private static double[] trainWithCli(Path model, Path out)
      throws IOException, InterruptedException {
    String java = ProcessHandle.current().info().command().orElse("java");
    Process p =
        new ProcessBuilder(
                java,
                "-Dai.djl.offline=true",
                "-jar",
                JAR.toString(),
                "train",
                "--model",
                model.toString(),
                "--epochs",
                "2",
                "--validation",
                "0",
                "--sample-set",
                Integer.toString(ModelLoader.SAMPLE_IMAGES),
                "--out",
                out.toString())
            .redirectErrorStream(true)
            .start();
    double[] seconds = {Double.NaN, Double.NaN};
    int images = -1;
    try (BufferedReader lines =
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        Matcher epoch = CLI_EPOCH.matcher(line.strip());
        if (epoch.find()) {
          seconds[Integer.parseInt(epoch.group(1)) - 1] = Double.parseDouble(epoch.group(2));
        }
        Matcher train = CLI_IMAGES.matcher(line);
        if (line.startsWith("training ") && train.find()) {
          images = Integer.parseInt(train.group(1));
        }
        if (line.startsWith("training ") || line.startsWith("epoch ") || line.startsWith("test ")) {
          System.err.println("  cli: " + line.strip());
        }
      }
    }
    if (p.waitFor() != 0 || Double.isNaN(seconds[0]) || Double.isNaN(seconds[1]) || images < 0) {
      throw new IllegalStateException("prunelab train failed (exit " + p.exitValue() + ")");
    }
    return new double[] {images, seconds[0], seconds[1]};
  }

  /** CPU nanoseconds used so far by each live thread of this JVM, by thread name. */
  private static Map<String, Long> threadCpu() {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    Map<String, Long> cpu = new HashMap<>();
    for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
      if (info != null) {
        long t = threads.getThreadCpuTime(info.getThreadId());
        cpu.merge(info.getThreadName(), Math.max(0, t), Long::sum);
      }
    }
    return cpu;
  }

  /**
   * The JVM threads that took CPU during the retraining, largest first (libtorch's own compute
   * threads are native and not listed; the worker thread's figure includes the work it ran on them
   * only where libtorch used the calling thread).
   */
  private static void printCpu(Map<String, Long> before, Map<String, Long> after) {
    after.entrySet().stream()
        .map(e -> Map.entry(e.getKey(), e.getValue() - before.getOrDefault(e.getKey(), 0L)))
        .filter(e -> e.getValue() > 100_000_000L)
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
        .forEach(
            e ->
                System.err.printf(
                    Locale.ROOT, "  cpu %-40s %.1f s%n", e.getKey(), e.getValue() / 1e9));
  }

  private static double median(List<Double> values) {
    List<Double> sorted = values.stream().sorted().toList();
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }
}

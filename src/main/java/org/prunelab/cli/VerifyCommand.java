package org.prunelab.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.prunelab.data.DataSplits;
import org.prunelab.data.ImageDataset;
import org.prunelab.data.Normalization;
import org.prunelab.data.SplitOptions;
import org.prunelab.error.InvalidSettingException;
import org.prunelab.nn.Network;
import org.prunelab.nn.NonFiniteWeights;
import org.prunelab.nn.onnx.OnnxExportOptions;
import org.prunelab.nn.onnx.OnnxExporter;
import org.prunelab.nn.onnx.OnnxVerifier;
import org.prunelab.nn.onnx.VerificationReport;
import org.prunelab.train.InputNormalization;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code prunelab verify}: runs a model in PruneLab and its ONNX file (or a fresh export) in ONNX
 * Runtime on the same random and, optionally, real inputs, and reports the largest output
 * differences and top-1 agreement. Exits with {@link PruneLabCli#CHECK_FAILED} when they exceed the
 * tolerance.
 */
@Command(
    name = "verify",
    mixinStandardHelpOptions = true,
    description =
        "Compare a model's outputs in PruneLab and in ONNX Runtime (its ONNX file or a fresh export).")
final class VerifyCommand implements Callable<Integer> {
  @Mixin ModelOptions model;

  @Option(
      names = "--onnx",
      description = "ONNX file to check (default: export the model to a temporary file).")
  Path onnx;

  @Option(
      names = "--opset",
      defaultValue = "17",
      description = "Opset of the temporary export (default: " + "${DEFAULT-VALUE}).")
  int opset;

  @Option(
      names = "--dataset",
      description =
          "Also compare on the first test images of this dataset "
              + "(fashion-mnist, mnist, cifar10 or synthetic).")
  String dataset;

  @Option(
      names = "--data",
      description =
          "Folder holding the dataset's files (default: searched in "
              + "$PRUNELAB_DATA, ~/.prunelab/datasets, /usr/share/datasets).")
  Path data;

  @Option(
      names = "--samples",
      defaultValue = "32",
      description =
          "Random inputs, and test images with --dataset " + "(default: ${DEFAULT-VALUE}).")
  int samples;

  @Option(
      names = "--input-seed",
      defaultValue = "0",
      description = "Seed of the random inputs (default: " + "${DEFAULT-VALUE}).")
  long inputSeed;

  @Option(
      names = "--tolerance",
      defaultValue = "1e-4",
      description =
          "Largest relative output difference that " + "passes (default: ${DEFAULT-VALUE}).")
  double tolerance;

  @Option(names = "--json", description = "Print JSON.")
  boolean json;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (samples <= 0) {
      throw new InvalidSettingException("--samples must be positive, got " + samples);
    }
    if (!(tolerance >= 0)) {
      throw new InvalidSettingException("--tolerance must be zero or positive, got " + tolerance);
    }
    OnnxExportOptions options = OnnxExportOptions.defaults().withOpset(opset);
    try (Network net = model.open()) {
      NonFiniteWeights.require(
          net, "its outputs are NaN, so no comparison with ONNX Runtime can pass; retrain it");
      List<VerificationReport> reports = new ArrayList<>();
      Path file = onnx;
      try {
        if (file == null) {
          file = Files.createTempFile("prunelab-verify-", ".onnx");
          file.toFile().deleteOnExit(); // also when stopped with Ctrl-C or SIGTERM mid-run
          OnnxExporter.export(net, file, options);
        }
        try (OnnxVerifier verifier = OnnxVerifier.open(net, file)) {
          reports.add(verifier.compareRandom(samples, inputSeed));
          if (dataset != null) {
            DataSplits splits = DataOptions.load(dataset, data, new SplitOptions(0, 0, 0));
            int count = Math.min(samples, splits.test().size());
            reports.add(
                verifier.compare(
                    splits.test().name() + " test", testImages(net, splits, count, err), count));
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot create a temporary ONNX file", e);
      } finally {
        if (onnx == null && file != null) {
          deleteTemporary(file);
        }
      }
      boolean passed = reports.stream().allMatch(r -> r.passed(tolerance));
      print(out, reports, passed);
      return passed ? 0 : PruneLabCli.CHECK_FAILED;
    }
  }

  private void print(PrintWriter out, List<VerificationReport> reports, boolean passed) {
    String against = onnx != null ? onnx.toString() : "a fresh export (opset " + opset + ")";
    if (json) {
      Map<String, Object> result = new LinkedHashMap<>();
      result.put("model", model.model);
      result.put("onnx", against);
      result.put("tolerance", tolerance);
      result.put("passed", passed);
      List<Map<String, Object>> rows = new ArrayList<>();
      for (VerificationReport r : reports) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("inputs", r.inputs());
        row.put("samples", r.samples());
        row.put("maxAbsDiff", r.maxAbsDiff());
        row.put("maxRelDiff", r.maxRelDiff());
        row.put("top1Agreement", r.top1Agreement());
        row.put("passed", r.passed(tolerance));
        rows.add(row);
      }
      result.put("reports", rows);
      Json.print(out, result);
      return;
    }
    out.printf(
        Locale.ROOT,
        "%s in PruneLab vs %s in ONNX Runtime (tolerance %.1e relative):%n",
        model.model,
        against,
        tolerance);
    for (VerificationReport r : reports) {
      out.printf(
          Locale.ROOT,
          "  %s, %d samples: max abs diff %.3e, max rel diff %.3e, top-1 agreement %s  %s%n",
          r.inputs(),
          r.samples(),
          r.maxAbsDiff(),
          r.maxRelDiff(),
          Numbers.percent(r.top1Agreement()),
          r.passed(tolerance) ? "pass" : "FAIL");
    }
    out.println(
        passed
            ? "PASSED"
            : "FAILED: the ONNX model computes something else than the PruneLab model");
  }

  private static void deleteTemporary(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException ignored) {
      // a temporary file the system cleans up anyway
    }
  }

  /**
   * The first {@code count} test images, normalised as the model was trained (or by the training
   * split).
   */
  private static float[] testImages(Network net, DataSplits splits, int count, PrintWriter err) {
    ImageDataset test = splits.test();
    long[] expected = net.inputShape().getShape();
    if (expected.length != 3
        || expected[0] != test.channels()
        || expected[1] != test.height()
        || expected[2] != test.width()) {
      throw new InvalidSettingException(
          test.name()
              + " images are "
              + test.channels()
              + "x"
              + test.height()
              + "x"
              + test.width()
              + " but the model takes "
              + net.inputShape()
              + "; choose the dataset the model was made for");
    }
    Normalization norm =
        InputNormalization.of(net)
            .orElseGet(
                () -> {
                  err.println(
                      "note: the model stores no input normalisation; using the training split's statistics");
                  return splits.normalization();
                });
    int size = test.imageSize();
    float[] values = new float[count * size];
    for (int i = 0; i < count; i++) {
      test.copyImage(i, values, i * size);
      norm.apply(values, i * size, test.height() * test.width());
    }
    return values;
  }
}

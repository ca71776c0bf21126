package org.prunelab.cli;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.prunelab.error.InvalidSettingException;
import org.prunelab.error.PruneLabException;
import org.prunelab.nn.EngineSelfCheck;
import org.prunelab.nn.Network;
import org.prunelab.train.Throughput;
import org.prunelab.zoo.Zoo;
import org.prunelab.zoo.ZooOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code prunelab bench}: training and inference throughput of zoo models on the CPU next to
 * PyTorch eager on the same machine with the same thread count, in one run (the reference is the
 * committed Python script).
 */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description =
        "Throughput (images/s) of training and inference, PruneLab next to PyTorch eager.")
final class BenchCommand implements Runnable {
  @Option(
      names = "--models",
      split = ",",
      defaultValue = "lenet5,resnet20",
      description = "Zoo models " + "(default: ${DEFAULT-VALUE}).")
  List<String> models;

  @Option(
      names = "--batch",
      defaultValue = "128",
      description = "Batch size (default: ${DEFAULT-VALUE}).")
  int batch;

  @Option(
      names = "--threads",
      defaultValue = "2",
      description = "Intra-op threads of both engines " + "(default: ${DEFAULT-VALUE}).")
  int threads;

  @Option(
      names = "--steps",
      defaultValue = "20",
      description = "Steps per timed window (default: ${DEFAULT-VALUE}).")
  int steps;

  @Option(
      names = "--warmup",
      defaultValue = "5",
      description = "Untimed steps first (default: ${DEFAULT-VALUE}).")
  int warmup;

  @Option(
      names = "--repeats",
      defaultValue = "5",
      description = "Timed windows; the median is reported " + "(default: ${DEFAULT-VALUE}).")
  int repeats;

  @Option(
      names = "--python",
      defaultValue = "python3",
      description = "Python with torch for the reference run " + "(default: ${DEFAULT-VALUE}).")
  String python;

  @Option(
      names = "--reference-script",
      defaultValue = "src/bench/python/torch_reference.py",
      description = "The PyTorch reference script (default: ${DEFAULT-VALUE}).")
  Path script;

  @Option(names = "--no-reference", description = "Measure PruneLab only.")
  boolean noReference;

  @Option(
      names = "--reference-default-isa",
      description =
          "Run PyTorch without this process's "
              + "ONEDNN_MAX_CPU_ISA cap (its own default kernels) instead of under the same cap.")
  boolean referenceDefaultIsa;

  @Option(names = "--json", description = "Print JSON.")
  boolean json;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  /** One measured figure. */
  record Row(String framework, String model, String mode, double imagesPerSecond) {}

  @Override
  public void run() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (threads <= 0) {
      throw new InvalidSettingException("--threads must be positive, got " + threads);
    }
    Throughput throughput = new Throughput(batch, warmup, steps, repeats);
    long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
    Engine.getInstance();
    long engineReadyMs = System.currentTimeMillis() - jvmStart;
    JniUtils.setNumThreads(threads);
    List<Row> rows = new ArrayList<>();
    for (String model : models) {
      try (Network net = Zoo.create(model, ZooOptions.grey28(), Device.cpu(), 0)) {
        err.println("measuring PruneLab " + model + " ...");
        rows.add(new Row("prunelab", model, "train", throughput.training(net)));
        rows.add(new Row("prunelab", model, "infer", throughput.inference(net)));
      }
    }
    if (!noReference) {
      err.println("measuring PyTorch eager with " + script + " ...");
      rows.addAll(reference());
    }
    if (json) {
      Map<String, Object> result = new LinkedHashMap<>();
      result.put("engineStartMs", engineReadyMs);
      result.put("threads", threads);
      result.put("batch", batch);
      result.put("rows", rows);
      Json.print(out, result);
      return;
    }
    out.printf(
        "engine start-up (JVM start to libtorch ready): %d ms; batch %d, %d threads, median of %d x %d steps; "
            + "PruneLab %s=%s, PyTorch %s%n",
        engineReadyMs,
        batch,
        threads,
        repeats,
        steps,
        EngineSelfCheck.ISA_VARIABLE,
        Optional.ofNullable(System.getenv(EngineSelfCheck.ISA_VARIABLE)).orElse("(default)"),
        referenceDefaultIsa || System.getenv(EngineSelfCheck.ISA_VARIABLE) == null
            ? "default kernels"
            : "same cap");
    out.printf(
        "%-10s %-6s %16s %16s %8s%n", "model", "mode", "PruneLab img/s", "PyTorch img/s", "ratio");
    for (Row r : rows) {
      if (!r.framework().equals("prunelab")) {
        continue;
      }
      Double ref =
          rows.stream()
              .filter(
                  o ->
                      o.framework().equals("pytorch")
                          && o.model().equals(r.model())
                          && o.mode().equals(r.mode()))
              .map(Row::imagesPerSecond)
              .findFirst()
              .orElse(null);
      out.printf(
          Locale.ROOT,
          "%-10s %-6s %16.1f %16s %8s%n",
          r.model(),
          r.mode(),
          r.imagesPerSecond(),
          ref == null ? "-" : String.format(Locale.ROOT, "%.1f", ref),
          ref == null ? "-" : String.format(Locale.ROOT, "%.2fx", r.imagesPerSecond() / ref));
    }
  }

  private List<Row> reference() {
    if (!Files.isRegularFile(script)) {
      throw new InvalidSettingException(
          "reference script "
              + script
              + " not found; run from the repository root, "
              + "give --reference-script, or use --no-reference");
    }
    List<String> cmd =
        List.of(
            python,
            script.toString(),
            "--models",
            String.join(",", models),
            "--batch",
            Integer.toString(batch),
            "--threads",
            Integer.toString(threads),
            "--steps",
            Integer.toString(steps),
            "--warmup",
            Integer.toString(warmup),
            "--repeats",
            Integer.toString(repeats));
    List<Row> rows = new ArrayList<>();
    try {
      ProcessBuilder builder =
          new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT);
      if (referenceDefaultIsa) {
        builder.environment().remove(EngineSelfCheck.ISA_VARIABLE);
      }
      Process p = builder.start();
      ObjectMapper mapper = new ObjectMapper();
      try (BufferedReader r =
          new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
        for (String line = r.readLine(); line != null; line = r.readLine()) {
          if (line.startsWith("{")) {
            JsonNode n = mapper.readTree(line);
            rows.add(
                new Row(
                    "pytorch",
                    n.get("model").asText(),
                    n.get("mode").asText().startsWith("inf") ? "infer" : n.get("mode").asText(),
                    n.get("images_per_s").asDouble()));
          }
        }
      }
      if (p.waitFor() != 0) {
        throw new PruneLabException(
            "the PyTorch reference run failed (exit "
                + p.exitValue()
                + "); install "
                + "it with `pip install torch==2.13.0+cpu` or use --no-reference");
      }
    } catch (IOException e) {
      throw new PruneLabException(
          "cannot run "
              + python
              + " for the PyTorch reference ("
              + e.getMessage()
              + "); use --python PATH or --no-reference",
          e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the reference run", e);
    }
    return rows;
  }
}

package org.prunelab.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.prunelab.error.PruneLabException;
import org.prunelab.prune.method.ErrorCurve;
import org.prunelab.prune.method.LayerBound;
import org.prunelab.prune.sensitivity.LayerScores;
import org.prunelab.service.CompressionMethod;
import org.prunelab.service.ScoredModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code prunelab sensitivity}: a method's scores of every layer, PFP's per-layer bound terms and
 * the measured error curve of every prunable channel group on the sample set S, printed as a table
 * and written as a JSON report.
 */
@Command(
    name = "sensitivity",
    mixinStandardHelpOptions = true,
    description =
        "Per-layer sensitivity of a model: scores, S_l, bound terms and measured error curves.")
final class SensitivityCommand implements Runnable {
  @Mixin ModelOptions model;
  @Mixin DataOptions data;
  @Mixin SampleOptions sampleOptions;

  @Option(
      names = "--method",
      defaultValue = "pfp",
      description =
          "Whose scores: any pruning method (pfp, sipp, ft, "
              + "softnet, wt, snip, thinet, random-filters, ...; default: ${DEFAULT-VALUE}).")
  String method;

  @Option(
      names = "--out",
      paramLabel = "FILE",
      description = "Write the full report (all scores) as JSON here.")
  Path outFile;

  @Option(names = "--json", description = "Print the summary as JSON.")
  boolean json;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    CompressionMethod scoring = CompressionMethod.parse(method);
    try (CommandModel opened = CommandModel.open(model, data)) {
      ScoredModel scored =
          ScoredModel.compute(
              opened.network(),
              scoring,
              opened.data().sampleSet(),
              opened.normalization(),
              opened.samples(sampleOptions, err),
              model.seed,
              new TerminalProgress(err));
      if (outFile != null) {
        write(outFile, report(scored, true));
      }
      if (json) {
        Json.print(out, report(scored, false));
      } else {
        print(out, scored);
      }
    }
  }

  private static void print(PrintWriter out, ScoredModel analysis) {
    out.printf(
        Locale.ROOT,
        "%s scores on %d sample images (%.2f s)%n",
        analysis.scores().method(),
        analysis.scores().sampleCount(),
        analysis.scores().total().toMillis() / 1e3);
    if (!analysis.bounds().isEmpty()) {
      out.printf(Locale.ROOT, "%-28s %12s %10s %14s%n", "layer", "S_l", "alpha_l", "alpha_l S_l");
      for (LayerBound b : analysis.bounds()) {
        out.printf(
            Locale.ROOT,
            "%-28s %12.4f %10.1f %14.1f%n",
            b.layer(),
            b.sensitivitySum(),
            b.alpha(),
            b.boundTerm());
      }
    }
    if (!analysis.curves().isEmpty()) {
      out.printf(
          Locale.ROOT,
          "%-28s %10s %10s %10s %10s%n",
          "group: error at keep",
          "0.25",
          "0.50",
          "0.75",
          "0.90");
      for (ErrorCurve c : analysis.curves()) {
        out.printf(
            Locale.ROOT,
            "%-28s %10.4f %10.4f %10.4f %10.4f%n",
            c.group(),
            c.errorAt(0.25),
            c.errorAt(0.5),
            c.errorAt(0.75),
            c.errorAt(0.9));
      }
    }
  }

  private static Map<String, Object> report(ScoredModel analysis, boolean withScores) {
    Map<String, Object> report = new LinkedHashMap<>();
    report.put("method", analysis.scores().method());
    report.put("samples", analysis.scores().sampleCount());
    report.put("seconds", analysis.scores().total().toMillis() / 1e3);
    List<Map<String, Object>> layers = new ArrayList<>();
    for (LayerScores l : analysis.scores().layers()) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("layer", l.node());
      analysis.bounds().stream()
          .filter(b -> b.layer().equals(l.node()))
          .findFirst()
          .ifPresent(
              b -> {
                row.put("sensitivitySum", b.sensitivitySum());
                row.put("alpha", b.alpha());
                row.put("boundTerm", b.boundTerm());
              });
      if (withScores) {
        row.put("inputChannelScores", l.inputChannelScores());
        row.put("outputChannelScores", l.outputChannelScores());
        row.put("weightScores", l.weightScores());
      }
      layers.add(row);
    }
    report.put("layers", layers);
    List<Map<String, Object>> curves = new ArrayList<>();
    for (ErrorCurve c : analysis.curves()) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("group", c.group());
      row.put("keepRatios", c.keepRatios());
      row.put("errors", c.errors());
      curves.add(row);
    }
    report.put("errorCurves", curves);
    return report;
  }

  private static void write(Path file, Map<String, Object> report) {
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      new ObjectMapper()
          .disable(SerializationFeature.INDENT_OUTPUT)
          .writeValue(file.toFile(), report);
    } catch (IOException e) {
      throw new PruneLabException("cannot write the report to " + file + ": " + e.getMessage(), e);
    }
  }
}

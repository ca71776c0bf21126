package org.prunelab.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.prunelab.chart.AccuracyVsPrunedChart;
import org.prunelab.chart.AllocationChart;
import org.prunelab.chart.ChartException;
import org.prunelab.chart.CorruptionGallery;
import org.prunelab.chart.ExcessErrorChart;
import org.prunelab.chart.FeatureChart;
import org.prunelab.chart.FeatureChart.Measure;
import org.prunelab.chart.FigureData;
import org.prunelab.chart.FigureExport;
import org.prunelab.chart.ParetoFrontChart;
import org.prunelab.chart.PrunePotentialChart;
import org.prunelab.data.ImageDataset;
import org.prunelab.data.SplitOptions;
import org.prunelab.data.corrupt.Corruption;
import org.prunelab.data.corrupt.Corruptions;
import org.prunelab.experiment.metrics.RatioGroup;
import org.prunelab.experiment.metrics.SizeBasis;
import org.prunelab.experiment.metrics.Sweep;
import org.prunelab.experiment.report.FigureInputs;
import org.prunelab.results.ExperimentRecord;
import org.prunelab.results.ResultsStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code prunelab plot}: one figure of an experiment's results store (or the corruption gallery),
 * headless.
 */
@Command(
    name = "plot",
    mixinStandardHelpOptions = true,
    description =
        "Write one figure of an experiment in a results store as PNG, SVG or PDF (the file extension "
            + "decides): accuracy-vs-params, accuracy-vs-flops, pareto, prune-potential, excess-error, allocation, "
            + "corruption-gallery (needs no store).")
final class PlotCommand implements Runnable {
  /** The figures, by the name {@code --figure} takes. */
  static final List<String> FIGURES =
      List.of(
          "accuracy-vs-params",
          "accuracy-vs-flops",
          "pareto",
          "prune-potential",
          "excess-error",
          "allocation",
          "informative-features",
          "corruption-gallery");

  @Mixin StoreOptions store;

  @Option(
      names = "--figure",
      required = true,
      description = "Figure name: ${COMPLETION-CANDIDATES}.",
      completionCandidates = FigureNames.class)
  String figure;

  @Option(names = "--out", required = true, description = "Output file: .png, .svg or .pdf.")
  Path out;

  @Option(
      names = "--width",
      defaultValue = "800",
      description =
          "Width in pixels (PNG) or points (default: "
              + "${DEFAULT-VALUE}; the gallery has its own size).")
  int width;

  @Option(
      names = "--height",
      defaultValue = "520",
      description = "Height (default: ${DEFAULT-VALUE}).")
  int height;

  @Option(
      names = "--distribution",
      description =
          "Test distribution: for accuracy and pareto figures (default: "
              + "clean), for prune-potential and excess-error one corruption such as fog/3 (default: all).")
  String distribution;

  @Option(
      names = "--tolerance",
      defaultValue = "0.005",
      description =
          "Prune potential tolerance delta, a "
              + "fraction of top-1 error (default: ${DEFAULT-VALUE} = 0.5 points).")
  double tolerance;

  @Option(
      names = "--method",
      description =
          "Method of excess-error (default: the first) and allocation " + "(default: all methods).")
  String method;

  @Option(
      names = "--measure",
      defaultValue = "overlap",
      description =
          "informative-features: overlap (IoU of the pruned and unpruned SIS), size,"
              + " unpruned-on-pruned or pruned-on-unpruned (confidence of one network shown the"
              + " other's SIS; default: ${DEFAULT-VALUE}).")
  String measure;

  @Option(
      names = "--keep",
      description =
          "Keep ratio of the allocation figure's jobs (default: the smallest " + "tested).")
  Double keep;

  @Option(
      names = "--dataset",
      defaultValue = "fashion-mnist",
      description =
          "corruption-gallery: dataset whose "
              + "first test images are shown (default: ${DEFAULT-VALUE}).")
  String dataset;

  @Option(names = "--data", description = "corruption-gallery: folder holding the dataset's files.")
  Path data;

  @Option(
      names = "--corruptions",
      split = ",",
      description = "corruption-gallery: corruptions to show (default: " + "all 27).")
  List<String> corruptions;

  @Option(
      names = "--severities",
      split = ",",
      defaultValue = "1,2,3,4,5",
      description = "corruption-gallery: " + "severity columns (default: ${DEFAULT-VALUE}).")
  List<Integer> severities;

  @Option(
      names = "--csv",
      description =
          "Also write the numbers behind the figure to a CSV beside it (OUT with .csv; not for"
              + " the gallery).")
  boolean csv;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  /** The CSV beside {@link #out}: its name with the extension replaced by .csv. */
  private Path csvFile() {
    String name = out.getFileName().toString();
    int dot = name.lastIndexOf('.');
    return out.resolveSibling((dot > 0 ? name.substring(0, dot) : name) + ".csv");
  }

  /** Completion candidates of {@code --figure}. */
  static final class FigureNames extends ArrayList<String> {
    FigureNames() {
      super(FIGURES);
    }
  }

  @Override
  public void run() {
    if (!FIGURES.contains(figure)) {
      throw new ChartException(
          "unknown figure '" + figure + "'; choose one of " + String.join(", ", FIGURES));
    }
    if (figure.equals("corruption-gallery")) {
      gallery();
      spec.commandLine()
          .getOut()
          .println("wrote " + out + " (corruption-gallery of " + dataset + ")");
      return;
    }
    try (ResultsStore results = store.open("--figure " + figure)) {
      ExperimentRecord experiment = store.experiment(results);
      Sweep sweep = store.sweep(results, experiment);
      String clean = distribution == null ? Sweep.CLEAN : distribution;
      var chart =
          switch (figure) {
            case "accuracy-vs-params" ->
                AccuracyVsPrunedChart.of(
                    FigureInputs.accuracyCurve(sweep, clean, SizeBasis.PARAMS),
                    AccuracyVsPrunedChart.Pruned.PARAMETERS);
            case "accuracy-vs-flops" ->
                AccuracyVsPrunedChart.of(
                    FigureInputs.accuracyCurve(sweep, clean, SizeBasis.FLOPS),
                    AccuracyVsPrunedChart.Pruned.FLOPS);
            case "pareto" -> ParetoFrontChart.of(FigureInputs.pareto(sweep, clean));
            case "prune-potential" ->
                PrunePotentialChart.of(
                    FigureInputs.prunePotential(sweep, tolerance, distribution), tolerance);
            case "excess-error" -> {
              String m = method == null ? sweep.methods().get(0) : method;
              yield ExcessErrorChart.of(m, FigureInputs.excessError(sweep, m, distribution));
            }
            case "informative-features" ->
                FeatureChart.of(
                    FigureInputs.features(
                        sweep, results.features(experiment.specHash()), Measure.parse(measure)),
                    Measure.parse(measure));
            default -> {
              List<String> methods = method == null ? sweep.methods() : List.of(method);
              double ratio = keep != null ? keep : smallestKeep(sweep, methods.get(0));
              yield AllocationChart.of(FigureInputs.allocation(sweep, methods, ratio));
            }
          };
      FigureExport.write(chart, out, width, height);
      if (csv) {
        FigureData.writeCsv(chart, csvFile());
      }
      spec.commandLine()
          .getOut()
          .println(
              "wrote "
                  + out
                  + " ("
                  + figure
                  + " of experiment "
                  + experiment.name()
                  + ", "
                  + sweep.network()
                  + ", mode "
                  + sweep.mode()
                  + ")");
    }
  }

  private static double smallestKeep(Sweep sweep, String method) {
    List<RatioGroup> groups = sweep.groups(method);
    return groups.get(groups.size() - 1).keepRatio();
  }

  private void gallery() {
    ImageDataset test = DataOptions.load(dataset, data, new SplitOptions(0, 0, 0)).test();
    List<Corruption> chosen =
        corruptions == null
            ? Corruptions.all()
            : corruptions.stream().map(Corruptions::byName).toList();
    int images = Math.min(2, test.size());
    int[] first = new int[images];
    for (int i = 0; i < images; i++) {
      first[i] = i;
    }
    FigureExport.write(
        new CorruptionGallery(test.subset(first), chosen, severities, 1, 3).render(), out);
  }
}

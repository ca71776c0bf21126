package org.prunelab.chart;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.JFreeChart;

/**
 * Writes one small PNG (and an SVG and PDF of the first) of every figure to {@code
 * target/figures/}, drawn from made-up but plausible numbers (smooth curves shaped like ResNet-20
 * results), to look at the layout: they are illustrations of the figures, not measurements, and
 * therefore not committed. Run headless from the repository root with the test classpath: {@code
 * java -Djava.awt.headless=true -cp target/classes:target/test-classes:<deps>
 * org.prunelab.chart.RenderFigures [output folder]}.
 */
final class RenderFigures {

  private static final int WIDTH = 640;
  private static final int HEIGHT = 420;

  private RenderFigures() {}

  public static void main(String[] args) {
    Path dir = Path.of(args.length > 0 ? args[0] : "target/figures");
    List<String> methods = List.of("pfp", "sipp", "alds", "wt", "ft");
    double[] robustness = {1.0, 1.3, 0.6, 2.2, 1.8};

    List<CurvePoint> curves = new ArrayList<>();
    for (int m = 0; m < methods.size(); m++) {
      for (int step = 1; step <= 9; step++) {
        double pruned = step / 10.0;
        double change = 0.3 - robustness[m] * Math.pow(pruned, 4) * 12;
        curves.add(new CurvePoint(methods.get(m), pruned, change, 0.15 + 0.6 * pruned * pruned));
      }
    }
    write(
        AccuracyVsPrunedChart.of(curves, AccuracyVsPrunedChart.Pruned.PARAMETERS),
        dir,
        "accuracy-vs-params");
    write(
        AccuracyVsPrunedChart.of(curves, AccuracyVsPrunedChart.Pruned.FLOPS),
        dir,
        "accuracy-vs-flops");

    List<ParetoPoint> pareto = new ArrayList<>();
    for (int m = 0; m < methods.size(); m++) {
      for (int step = 1; step <= 9; step++) {
        double kept = step / 10.0;
        double wobble = 0.4 * Math.sin(7 * m + 3 * step);
        pareto.add(
            new ParetoPoint(
                methods.get(m), kept, 91.7 - robustness[m] * 6 * Math.pow(1 - kept, 3) + wobble));
      }
    }
    write(ParetoFrontChart.of(pareto), dir, "pareto-front");

    List<PrunePotential> potentials = new ArrayList<>();
    for (int m = 0; m < methods.size(); m++) {
      potentials.add(
          new PrunePotential(
              methods.get(m), 0.85 - 0.08 * robustness[m], 0.7 - 0.2 * robustness[m]));
    }
    write(PrunePotentialChart.of(potentials), dir, "prune-potential");

    List<String> corruptions =
        List.of(
            "gaussian_noise", "shot_noise", "defocus_blur", "fog", "contrast", "jpeg_compression");
    List<ExcessErrorPoint> excess = new ArrayList<>();
    for (int c = 0; c < corruptions.size(); c++) {
      for (int step = 0; step <= 9; step++) {
        double ratio = step / 10.0;
        excess.add(
            new ExcessErrorPoint(
                corruptions.get(c), ratio, (0.5 + 0.7 * c) * Math.pow(ratio, 3) * 8 - 0.3 * ratio));
      }
    }
    write(ExcessErrorChart.of("pfp", excess), dir, "excess-error");

    List<String> layers = new ArrayList<>(List.of("conv1"));
    for (int stage = 1; stage <= 3; stage++) {
      for (int block = 0; block < 3; block++) {
        layers.add("layer" + stage + "." + block + ".conv1");
      }
    }
    List<LayerKeep> keeps = new ArrayList<>();
    for (String method : List.of("pfp", "sipp")) {
      for (int l = 0; l < layers.size(); l++) {
        double keep =
            Math.min(1, 0.9 - 0.06 * l + (method.equals("pfp") ? 0.1 : -0.05) * Math.cos(l));
        keeps.add(new LayerKeep(method, layers.get(l), Math.max(0.05, keep)));
      }
    }
    write(AllocationChart.of(keeps), dir, "allocation");

    List<ErrorCurvePoint> errors = new ArrayList<>();
    for (int l = 0; l < 6; l++) {
      for (int step = 1; step <= 20; step++) {
        double r = step / 20.0;
        errors.add(
            new ErrorCurvePoint(layers.get(l), r, Math.pow(1 - r, 1.5 + 0.4 * l) * (1 + 0.1 * l)));
      }
    }
    write(ErrorCurveChart.of(errors), dir, "error-curves");
  }

  private static void write(JFreeChart chart, Path dir, String name) {
    FigureExport.write(chart, dir.resolve(name + ".png"), WIDTH, HEIGHT);
  }
}

package org.prunelab.experiment.report;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.stream.Collectors;
import org.prunelab.experiment.metrics.ExcessErrors;
import org.prunelab.experiment.metrics.Potential;
import org.prunelab.experiment.metrics.PrunePotentials;
import org.prunelab.experiment.metrics.RatioGroup;
import org.prunelab.experiment.metrics.SizeBasis;
import org.prunelab.experiment.metrics.SlopeInterval;
import org.prunelab.experiment.metrics.Sweep;
import org.prunelab.results.ExperimentRecord;
import org.prunelab.results.FeatureMetric;
import org.prunelab.results.JobKey;

/**
 * The Markdown report of one experiment, with the tables of the papers (Liebenwein et al., "Lost in
 * Pruning", MLSys 2021; Baykal et al., "SiPPing Neural Networks", 2019): the experiment and its
 * jobs, the unpruned reference, top-1 per method and keep ratio, prune potential P(delta, D) per
 * method and test distribution for each delta, the accuracy at commensurate sizes (the largest
 * tested parameter and FLOP reduction whose top-1 is within delta of the unpruned network's), and
 * excess error per shifted distribution with its slope against prune ratio and a bootstrap
 * interval, ending in an explicit answer, from those numbers, to "do pruned networks show higher
 * excess error than the unpruned one at high prune ratios?" ({@link #answer}).
 */
public final class ExperimentReport {

  /** The answer to the high-prune-ratio question ({@link #answer} says when each is given). */
  public enum Answer {
    YES,
    NO,
    PARTLY
  }

  private ExperimentReport() {}

  /** The report of {@code sweep}, the jobs of {@code experiment}, as Markdown. */
  public static String markdown(ExperimentRecord experiment, Sweep sweep, ReportOptions options) {
    return markdown(experiment, sweep, Map.of(), options);
  }

  /**
   * The report with a section on informative features when {@code features} (by job, as the results
   * store records them) holds any.
   */
  public static String markdown(
      ExperimentRecord experiment,
      Sweep sweep,
      Map<JobKey, FeatureMetric> features,
      ReportOptions options) {
    StringBuilder md = new StringBuilder();
    summary(md, experiment, sweep, options);
    reference(md, sweep);
    accuracy(md, sweep);
    potentials(md, sweep, options);
    commensurate(md, sweep, options);
    excess(md, sweep, options);
    if (!features.isEmpty()) {
      features(md, sweep, features);
    }
    return md.toString();
  }

  private static void features(StringBuilder md, Sweep sweep, Map<JobKey, FeatureMetric> features) {
    FeatureMetric first = features.values().iterator().next();
    line(
        md,
        "## Informative features (sufficient input subsets)\n\nCarter et al.'s SIS by backward"
            + " selection, threshold tau = %s on the softmax confidence, features of %d x %d pixels masked"
            + " to the training mean, on the first %d test images on which the unpruned network is at least"
            + " tau confident. Per job: the share of those images on which the pruned network has an SIS"
            + " (is at least tau confident), its mean SIS size, the intersection over union with the"
            + " unpruned network's SIS, the unpruned network's confidence shown only the pruned SIS, and"
            + " the pruned network's shown only the unpruned SIS (docs/algorithms.md); mean ± std over"
            + " repetitions.\n",
        number(first.threshold()),
        first.patch(),
        first.patch(),
        first.images());
    md.append(
        "| method | keep ratio | params pruned (%) | with SIS (%) | SIS size (%) | overlap (%) |"
            + " unpruned on pruned SIS (%) | pruned on unpruned SIS (%) | n |\n"
            + "|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    FeatureMetric reference = features.get(sweep.reference().key());
    if (reference != null) {
      line(
          md,
          "| %s | 1 | 0.00 | %s | %s | %s | %s | %s | 1 |",
          Sweep.REFERENCE,
          percent(List.of((double) reference.found() / reference.images())),
          percent(List.of(reference.sisFraction())),
          percent(List.of(reference.overlap())),
          percent(List.of(reference.referenceOnCandidate())),
          percent(List.of(reference.candidateOnReference())));
    }
    for (String method : sweep.methods()) {
      for (RatioGroup g : sweep.groups(method)) {
        List<FeatureMetric> rows =
            g.jobs().stream().map(j -> features.get(j.key())).filter(Objects::nonNull).toList();
        if (rows.isEmpty()) {
          continue;
        }
        line(
            md,
            "| %s | %s | %.2f | %s | %s | %s | %s | %s | %d |",
            method,
            number(g.keepRatio()),
            100 * (1 - g.meanSize(SizeBasis.PARAMS)),
            percent(rows.stream().map(m -> (double) m.found() / m.images()).toList()),
            percent(rows.stream().map(FeatureMetric::sisFraction).toList()),
            percent(rows.stream().map(FeatureMetric::overlap).toList()),
            percent(rows.stream().map(FeatureMetric::referenceOnCandidate).toList()),
            percent(rows.stream().map(FeatureMetric::candidateOnReference).toList()),
            rows.size());
      }
    }
    md.append('\n');
  }

  /**
   * Mean ± sample std of the defined (non-NaN) fractions, in percent; "n/a" when none is defined.
   */
  private static String percent(List<Double> values) {
    double[] defined =
        values.stream().mapToDouble(Double::doubleValue).filter(v -> !Double.isNaN(v)).toArray();
    if (defined.length == 0) {
      return "n/a";
    }
    double mean = Arrays.stream(defined).average().orElseThrow();
    if (defined.length == 1) {
      return fmt("%.1f", 100 * mean);
    }
    double squares = Arrays.stream(defined).map(v -> (v - mean) * (v - mean)).sum();
    return fmt("%.1f ± %.1f", 100 * mean, 100 * Math.sqrt(squares / (defined.length - 1)));
  }

  private static void summary(
      StringBuilder md, ExperimentRecord experiment, Sweep sweep, ReportOptions options) {
    md.append("# Experiment report: ").append(experiment.name()).append("\n\n");
    line(md, "- Spec hash: `%s`, recorded %s", experiment.specHash(), experiment.createdAt());
    line(md, "- Network: %s, mode: %s", sweep.network(), sweep.mode());
    line(
        md,
        "- Jobs: %d pruned (%s) and 1 unpruned reference",
        sweep.pruned().size(),
        sweep.jobCounts().entrySet().stream()
            .map(e -> e.getKey() + " " + e.getValue())
            .collect(Collectors.joining(", ")));
    List<Double> keeps =
        sweep.pruned().stream()
            .map(r -> r.key().keepRatio())
            .distinct()
            .sorted((a, b) -> Double.compare(b, a))
            .toList();
    int repetitions =
        sweep.pruned().stream().mapToInt(r -> r.key().repetition()).max().orElse(0) + 1;
    line(
        md,
        "- Keep ratios: %s; up to %d repetition(s) per method and ratio",
        keeps.stream().map(ExperimentReport::number).collect(Collectors.joining(", ")),
        repetitions);
    line(md, "- Test distributions: %s", String.join(", ", sweep.distributions()));
    line(
        md,
        "- Tolerances delta: %s of top-1 error; excess-error slope intervals: 95 %% percentile bootstrap,"
            + " B = %d, seed %d",
        options.tolerances().stream()
            .map(t -> number(100 * t) + " %")
            .collect(Collectors.joining(", ")),
        options.resamples(),
        options.seed());
    md.append("\nSpec (canonical JSON, from which the hash is taken):\n\n```json\n")
        .append(experiment.specText().strip())
        .append("\n```\n\n");
  }

  private static void reference(StringBuilder md, Sweep sweep) {
    md.append(
        "## Unpruned reference\n\n| distribution | top-1 (%) | error (%) |\n|---|---:|---:|\n");
    for (String d : sweep.distributions()) {
      double top1 = sweep.referenceTop1(d);
      line(md, "| %s | %.2f | %.2f |", d, 100 * top1, 100 * (1 - top1));
    }
    md.append('\n');
  }

  private static void accuracy(StringBuilder md, Sweep sweep) {
    md.append(
        "## Top-1 per keep ratio (clean)\n\nMean and sample standard deviation over repetitions; change in"
            + " percentage points against the unpruned network.\n\n| method | keep ratio | params pruned (%) |"
            + " FLOPs pruned (%) | top-1 (%) | change (pp) | n |\n|---|---:|---:|---:|---:|---:|---:|\n");
    double reference = sweep.referenceTop1(Sweep.CLEAN);
    for (String method : sweep.methods()) {
      for (RatioGroup g : sweep.groups(method)) {
        OptionalDouble top1 = g.meanTop1(Sweep.CLEAN);
        if (top1.isPresent()) {
          line(
              md,
              "| %s | %s | %.2f | %.2f | %.2f ± %.2f | %+.2f | %d |",
              method,
              number(g.keepRatio()),
              100 * (1 - g.meanSize(SizeBasis.PARAMS)),
              100 * (1 - g.meanSize(SizeBasis.FLOPS)),
              100 * top1.getAsDouble(),
              100 * g.stdTop1(Sweep.CLEAN),
              100 * (top1.getAsDouble() - reference),
              g.jobs().size());
        }
      }
    }
    md.append('\n');
  }

  private static void potentials(StringBuilder md, Sweep sweep, ReportOptions options) {
    md.append(
        "## Prune potential\n\nP(delta, D) = 1 - smallest tested relative parameter count whose top-1"
            + " error on D is at most the unpruned error on D + delta, in % of parameters removed, computed per"
            + " repetition and given as mean ± std over the repetitions (0 when no tested ratio qualifies; no"
            + " interpolation between ratios).\n\n");
    List<String> shifted = sweep.shiftedDistributions();
    for (double t : options.tolerances()) {
      line(md, "### delta = %s %%\n", number(100 * t));
      StringBuilder header = new StringBuilder("| method | clean |");
      StringBuilder rule = new StringBuilder("|---|---:|");
      shifted.forEach(
          d -> {
            header.append(' ').append(d).append(" |");
            rule.append("---:|");
          });
      if (!shifted.isEmpty()) {
        header.append(" mean corrupted |");
        rule.append("---:|");
      }
      md.append(header).append('\n').append(rule).append('\n');
      for (String method : sweep.methods()) {
        StringBuilder row =
            new StringBuilder(
                "| " + method + " | " + potential(sweep, method, Sweep.CLEAN, t) + " |");
        double sum = 0;
        for (String d : shifted) {
          sum += PrunePotentials.of(sweep, method, d, t, SizeBasis.PARAMS).potential();
          row.append(' ').append(potential(sweep, method, d, t)).append(" |");
        }
        if (!shifted.isEmpty()) {
          row.append(fmt(" %.1f |", 100 * sum / shifted.size()));
        }
        md.append(row).append('\n');
      }
      md.append('\n');
    }
  }

  /** P as mean +- std over the repetitions, in percent ("12.0 +- 1.5"; the mean alone for one). */
  private static String potential(
      Sweep sweep, String method, String distribution, double tolerance) {
    Potential p = PrunePotentials.of(sweep, method, distribution, tolerance, SizeBasis.PARAMS);
    return p.repetitions() > 1
        ? fmt("%.1f ± %.1f", 100 * p.potential(), 100 * p.std())
        : fmt("%.1f", 100 * p.potential());
  }

  private static void commensurate(StringBuilder md, Sweep sweep, ReportOptions options) {
    md.append(
            "## Accuracy at commensurate sizes (clean)\n\nPer method the largest tested reduction of parameters"
                + " (and, separately, of FLOPs) whose mean clean top-1 is within delta of the unpruned network's ")
        .append(fmt("%.2f %%", 100 * sweep.referenceTop1(Sweep.CLEAN)))
        .append(
            ", and the top-1 there.\n\n| method | delta (%) | params pruned (%) | top-1 (%) | FLOPs pruned (%) |"
                + " top-1 (%) |\n|---|---:|---:|---:|---:|---:|\n");
    for (String method : sweep.methods()) {
      for (double t : options.tolerances()) {
        Potential params = PrunePotentials.of(sweep, method, Sweep.CLEAN, t, SizeBasis.PARAMS);
        Potential flops = PrunePotentials.of(sweep, method, Sweep.CLEAN, t, SizeBasis.FLOPS);
        line(
            md,
            "| %s | %s | %s | %s | %s | %s |",
            method,
            number(100 * t),
            reduction(params),
            top1(params),
            reduction(flops),
            top1(flops));
      }
    }
    md.append('\n');
  }

  private static String reduction(Potential p) {
    return p.found() ? fmt("%.1f", 100 * p.pointReduction()) : "none within delta";
  }

  private static String top1(Potential p) {
    return p.found() ? fmt("%.2f", 100 * p.top1()) : "–";
  }

  private static void excess(StringBuilder md, Sweep sweep, ReportOptions options) {
    md.append(
        "## Excess error\n\ne = (err(pruned, D') - err(pruned, clean)) - (err(unpruned, D') - err(unpruned,"
            + " clean)) per job, in percentage points. \"At highest ratio\": mean over the repetitions at the method's"
            + " smallest keep ratio. Slopes are in pp of excess error per pp of parameters removed (prune ratio ="
            + " 1 - realised parameter ratio), with their 95 % bootstrap interval (jobs resampled).\n\n");
    List<ExcessSummary> perCorruption = new ArrayList<>();
    for (String d : sweep.shiftedDistributions()) {
      for (String method : sweep.methods()) {
        ExcessSummary s = ExcessSummary.of(sweep, method, d, options.resamples(), options.seed());
        if (s != null) {
          perCorruption.add(s);
        }
      }
    }
    if (perCorruption.isEmpty()) {
      md.append(
          "The experiment measured no corrupted test distribution, so there is no excess error to report; add"
              + " `test: corruptions: [...]` to the spec.\n");
      return;
    }
    List<ExcessSummary> paper = new ArrayList<>();
    for (String method : sweep.methods()) {
      ExcessSummary s = ExcessSummary.averaged(sweep, method, options.resamples(), options.seed());
      if (s != null) {
        paper.add(s);
      }
    }
    List<String> corruptions = ExcessErrors.paperCorruptions(sweep);
    md.append("### As \"Lost in Pruning\" defines it\n\n");
    if (paper.isEmpty()) {
      md.append(
          "The experiment tested no corruption at severity "
              + ExcessErrors.PAPER_SEVERITY
              + ", which the paper's excess error averages over; the answer below uses the per-distribution"
              + " rows.\n\n");
    } else {
      line(
          md,
          "e of each job averaged over the %d corruptions at severity %d (%s); slope: least squares through"
              + " the origin.\n",
          corruptions.size(),
          ExcessErrors.PAPER_SEVERITY,
          String.join(", ", corruptions));
      table(
          md,
          paper,
          "method | highest prune ratio (%) | e at highest ratio (pp) | slope through origin");
    }
    md.append("### Per distribution (least squares with intercept)\n\n");
    table(
        md,
        perCorruption,
        "distribution | method | highest prune ratio (%) | e at highest ratio (pp) | slope");
    md.append('\n').append(conclusion(paper.isEmpty() ? perCorruption : paper)).append('\n');
  }

  /** The rows as a table; {@code head} names the columns before the interval and job count. */
  private static void table(StringBuilder md, List<ExcessSummary> rows, String head) {
    boolean perDistribution = head.startsWith("distribution");
    md.append("| ").append(head).append(" | 95 % interval | jobs |\n|");
    md.append(perDistribution ? "---|---|" : "---|").append("---:|---:|---:|---|---:|\n");
    for (ExcessSummary s : rows) {
      SlopeInterval slope = s.slope();
      line(
          md,
          "| %s%s | %.1f | %+.2f | %s | %s | %d |",
          perDistribution ? s.distribution() + " | " : "",
          s.method(),
          100 * s.highestPruneRatio(),
          100 * s.excessAtHighest(),
          slope == null ? "–" : fmt("%+.4f", slope.slope()),
          slope == null
              ? "needs two prune ratios"
              : fmt("[%+.4f, %+.4f]", slope.low(), slope.high()),
          s.jobs());
    }
  }

  /**
   * The answer over the rows (one per method for the paper's averaged excess error): with slopes,
   * {@link Answer#YES} when the slope's 95 % interval lies above zero for more than half of the
   * rows with a slope and below zero for none, {@link Answer#NO} when it lies above zero for none
   * and the excess error at the highest prune ratio is at most zero on average, {@link
   * Answer#PARTLY} otherwise; without any slope (one prune ratio) the same from the excess error at
   * the highest ratio alone (positive on average and in more than half the rows: yes).
   */
  public static Answer answer(List<ExcessSummary> rows) {
    double mean = rows.stream().mapToDouble(ExcessSummary::excessAtHighest).average().orElse(0);
    long positive = rows.stream().filter(s -> s.excessAtHighest() > 0).count();
    long withSlope = rows.stream().filter(s -> s.slope() != null).count();
    long above = rows.stream().filter(s -> s.slope() != null && s.slope().aboveZero()).count();
    long below = rows.stream().filter(s -> s.slope() != null && s.slope().belowZero()).count();
    if (withSlope == 0) {
      if (mean > 0 && 2 * positive > rows.size()) {
        return Answer.YES;
      }
      return mean <= 0 ? Answer.NO : Answer.PARTLY;
    }
    if (2 * above > withSlope && below == 0) {
      return Answer.YES;
    }
    return above == 0 && mean <= 0 ? Answer.NO : Answer.PARTLY;
  }

  private static String conclusion(List<ExcessSummary> rows) {
    double mean = rows.stream().mapToDouble(ExcessSummary::excessAtHighest).average().orElse(0);
    long positive = rows.stream().filter(s -> s.excessAtHighest() > 0).count();
    long withSlope = rows.stream().filter(s -> s.slope() != null).count();
    long above = rows.stream().filter(s -> s.slope() != null && s.slope().aboveZero()).count();
    long below = rows.stream().filter(s -> s.slope() != null && s.slope().belowZero()).count();
    boolean paper = rows.get(0).distribution().equals(ExcessErrors.AVERAGED);
    String verdict =
        switch (answer(rows)) {
          case YES -> "Yes";
          case NO -> "No";
          case PARTLY -> "Partly";
        };
    return fmt(
        "**Do pruned networks show higher excess error than the unpruned one at high prune ratios?** %s"
            + " (%s): the slope's 95 %% interval lies above zero for %d and below zero for %d of the %d %s with a"
            + " slope; at each method's highest prune ratio the excess error is positive for %d of %d, %+.2f pp on"
            + " average.\n",
        verdict,
        paper
            ? "the paper's definition: averaged over the corruptions at severity 3, fit through the origin"
            : "per distribution, fit with intercept",
        above,
        below,
        withSlope,
        paper ? "methods" : "(method, distribution) pairs",
        positive,
        rows.size(),
        100 * mean);
  }

  private static void line(StringBuilder md, String format, Object... args) {
    md.append(fmt(format, args)).append('\n');
  }

  /**
   * {@code value} with at most four significant digits and no trailing zeros: 0.5, 0.2, 1, 0.1234.
   */
  private static String number(double value) {
    return new BigDecimal(value).round(new MathContext(4)).stripTrailingZeros().toPlainString();
  }

  private static String fmt(String format, Object... args) {
    return String.format(Locale.ROOT, format, args);
  }
}

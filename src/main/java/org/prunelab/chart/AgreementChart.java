package org.prunelab.chart;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * Functional similarity to the unpruned network against input noise, comparing methods at one keep
 * ratio: the x axis is the noise level eps of inputs x + 2 eps (U - 1/2) (U uniform on [0, 1], x
 * the normalised input, so eps is in standard deviations of the training pixels), the y axis the
 * top-1 agreement with the unpruned network in percent (mean over repetitions), one line per method
 * in its {@link MethodColors} colour with a translucent band of mean +- one standard deviation. The
 * title names the keep ratio.
 */
public final class AgreementChart {

  private AgreementChart() {}

  /**
   * The chart of {@code points} of networks pruned to {@code keepRatio}: one series per method in
   * order of first appearance, items {@code (eps, 100 * agreement, 100 * (agreement - std), 100 *
   * (agreement + std))} sorted by eps.
   */
  public static JFreeChart of(List<AgreementPoint> points, double keepRatio) {
    Inputs.fraction(keepRatio, "keepRatio");
    YIntervalSeriesCollection dataset =
        MethodBands.collection(
            Inputs.nonEmpty(points, "agreement"),
            AgreementPoint::method,
            AgreementPoint::eps,
            p -> 100 * p.agreement(),
            p -> 100 * p.std());
    NumberAxis xAxis = new NumberAxis("Input noise level eps (normalised input)");
    xAxis.setAutoRangeIncludesZero(true);
    NumberAxis yAxis = new NumberAxis("Agreement (%)");
    yAxis.setAutoRangeIncludesZero(false);
    XYPlot plot = new XYPlot(dataset, xAxis, yAxis, MethodBands.renderer(dataset));
    JFreeChart chart =
        new JFreeChart(
            "Agreement with unpruned, keep "
                + new BigDecimal(String.format(Locale.ROOT, "%.4g", keepRatio))
                    .stripTrailingZeros()
                    .toPlainString(),
            ChartStyle.TITLE,
            plot,
            true);
    return ChartStyle.apply(chart);
  }
}

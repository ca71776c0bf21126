package org.prunelab.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.Axis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;

/**
 * The look shared by every figure: white plot with a light grid, 16 pt bold title, 14 pt axis
 * labels, 12 pt ticks and legend, flat bars, legend below the plot. Series colours set by the
 * builders are left alone.
 */
final class ChartStyle {

  static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 16);
  static final Font LABEL = new Font(Font.SANS_SERIF, Font.PLAIN, 14);
  static final Font TICK = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
  static final BasicStroke LINE = new BasicStroke(2f);
  private static final Color GRID = new Color(0xDD, 0xDD, 0xDD);

  private ChartStyle() {}

  /** A dashed grey line at value 0, to mark "no change" on a value axis. */
  static ValueMarker zeroLine() {
    return new ValueMarker(
        0,
        Color.GRAY,
        new BasicStroke(
            1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
  }

  /** Applies the shared fonts and colours to {@code chart} and returns it. */
  static JFreeChart apply(JFreeChart chart) {
    chart.setBackgroundPaint(Color.WHITE);
    chart.setPadding(new RectangleInsets(6, 10, 6, 18));
    LegendTitle legend = chart.getLegend();
    if (legend != null) {
      legend.setPosition(RectangleEdge.BOTTOM);
      legend.setFrame(BlockBorder.NONE);
      legend.setItemFont(TICK);
      legend.setBackgroundPaint(Color.WHITE);
      legend.setMargin(new RectangleInsets(4, 0, 0, 0));
    }
    Plot plot = chart.getPlot();
    plot.setBackgroundPaint(Color.WHITE);
    plot.setOutlinePaint(Color.GRAY);
    if (plot instanceof XYPlot xy) {
      xy.setDomainGridlinePaint(GRID);
      xy.setRangeGridlinePaint(GRID);
      style(xy.getDomainAxis());
      style(xy.getRangeAxis());
    } else if (plot instanceof CategoryPlot category) {
      category.setRangeGridlinePaint(GRID);
      style(category.getDomainAxis());
      style(category.getRangeAxis());
      if (category.getRenderer() instanceof BarRenderer bars) {
        bars.setBarPainter(new StandardBarPainter());
        bars.setShadowVisible(false);
      }
    }
    return chart;
  }

  private static void style(Axis axis) {
    axis.setLabelFont(LABEL);
    axis.setTickLabelFont(TICK);
    axis.setLabelPaint(Color.BLACK);
    axis.setTickLabelPaint(Color.DARK_GRAY);
  }
}

package org.prunelab.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.StandardChartTheme;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.RectangleEdge;

/** The look shared by every figure: white plot, light grid, 13/15 pt sans-serif text, legend below the plot. */
final class ChartStyle {

  static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 16);
  static final Font LABEL = new Font(Font.SANS_SERIF, Font.PLAIN, 14);
  static final Font TICK = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
  static final BasicStroke LINE = new BasicStroke(2f);

  private ChartStyle() {
  }

  /** A dashed grey line at value 0, to mark "no change" on a value axis. */
  static ValueMarker zeroLine() {
    return new ValueMarker(0, Color.GRAY, new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
        new float[] {6f, 4f}, 0f));
  }

  /**
   * Applies the shared fonts and colours to {@code chart} and returns it; series colours set on renderers are kept.
   */
  static JFreeChart apply(JFreeChart chart) {
    StandardChartTheme theme = new StandardChartTheme("PruneLab");
    theme.setExtraLargeFont(TITLE);
    theme.setLargeFont(LABEL);
    theme.setRegularFont(TICK);
    theme.setSmallFont(TICK);
    theme.setChartBackgroundPaint(Color.WHITE);
    theme.setPlotBackgroundPaint(Color.WHITE);
    theme.setDomainGridlinePaint(new Color(0xDD, 0xDD, 0xDD));
    theme.setRangeGridlinePaint(new Color(0xDD, 0xDD, 0xDD));
    theme.setLegendBackgroundPaint(Color.WHITE);
    theme.setShadowVisible(false);
    theme.setBarPainter(new org.jfree.chart.renderer.category.StandardBarPainter());
    theme.setXYBarPainter(new org.jfree.chart.renderer.xy.StandardXYBarPainter());
    theme.apply(chart);
    LegendTitle legend = chart.getLegend();
    if (legend != null) {
      legend.setPosition(RectangleEdge.BOTTOM);
      legend.setFrame(org.jfree.chart.block.BlockBorder.NONE);
    }
    return chart;
  }
}

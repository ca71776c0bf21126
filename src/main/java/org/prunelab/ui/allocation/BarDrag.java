package org.prunelab.ui.allocation;

import java.awt.geom.Rectangle2D;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.fx.ChartCanvas;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;

/**
 * Mouse dragging of the keep-ratio bars: a press on a bar's row picks the group, the pointer's
 * position along the value axis (the range axis's java2DToValue over the chart's data area, in
 * percent) becomes its keep ratio while the mouse moves, and the release records the whole drag as
 * one undoable edit.
 */
final class BarDrag {
  private final AllocationEditor editor;
  private final ChartCanvas canvas;
  private int dragged = -1;
  private double before;

  private BarDrag(AllocationEditor editor, ChartCanvas canvas) {
    this.editor = editor;
    this.canvas = canvas;
  }

  /** Makes the bars of the chart on {@code canvas} draggable. */
  static void install(AllocationEditor editor, ChartCanvas canvas) {
    BarDrag drag = new BarDrag(editor, canvas);
    canvas.addEventFilter(MouseEvent.MOUSE_PRESSED, drag::pressed);
    canvas.addEventFilter(MouseEvent.MOUSE_DRAGGED, drag::dragged);
    canvas.addEventFilter(MouseEvent.MOUSE_RELEASED, drag::released);
  }

  private void pressed(MouseEvent e) {
    if (e.getButton() != MouseButton.PRIMARY) {
      return;
    }
    int u = categoryAt(e.getX(), e.getY());
    if (u < 0) {
      return;
    }
    dragged = u;
    before = editor.ratio(u);
    editor.beginGesture();
    editor.previewRatio(u, valueAt(e.getX(), e.getY()));
    e.consume();
  }

  private void dragged(MouseEvent e) {
    if (dragged >= 0) {
      editor.previewRatio(dragged, valueAt(e.getX(), e.getY()));
      e.consume();
    }
  }

  private void released(MouseEvent e) {
    if (dragged >= 0) {
      editor.previewRatio(dragged, valueAt(e.getX(), e.getY()));
      editor.endGesture(editor.ratioDescription(dragged, before));
      dragged = -1;
      e.consume();
    }
  }

  /** Index of the category whose band (bar plus half the gaps around it) holds the point, or -1. */
  private int categoryAt(double x, double y) {
    Rectangle2D area = dataArea();
    if (area == null || !area.contains(x, y)) {
      return -1;
    }
    CategoryPlot plot = plot();
    CategoryAxis axis = plot.getDomainAxis();
    int count = plot.getDataset().getColumnCount();
    double along = plot.getOrientation() == PlotOrientation.HORIZONTAL ? y : x;
    for (int c = 0; c < count; c++) {
      double start = axis.getCategoryStart(c, count, area, plot.getDomainAxisEdge());
      double end = axis.getCategoryEnd(c, count, area, plot.getDomainAxisEdge());
      double gap =
          c + 1 < count
              ? axis.getCategoryStart(c + 1, count, area, plot.getDomainAxisEdge()) - end
              : 0;
      if (along >= start - gap / 2 && along <= end + gap / 2) {
        return c;
      }
    }
    return -1;
  }

  /** The keep ratio at the point: the range axis value (percent) over the data area, / 100. */
  private double valueAt(double x, double y) {
    CategoryPlot plot = plot();
    Rectangle2D area = dataArea();
    double across = plot.getOrientation() == PlotOrientation.HORIZONTAL ? x : y;
    return plot.getRangeAxis().java2DToValue(across, area, plot.getRangeAxisEdge()) / 100;
  }

  private CategoryPlot plot() {
    return canvas.getChart().getCategoryPlot();
  }

  private Rectangle2D dataArea() {
    ChartRenderingInfo info = canvas.getRenderingInfo();
    return info == null ? null : info.getPlotInfo().getDataArea();
  }
}

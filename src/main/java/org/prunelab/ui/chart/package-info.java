/**
 * {@link org.prunelab.ui.chart.ChartBox}: a JFreeChart figure in the workbench, with right-click
 * export to PNG, SVG and PDF (the same code as {@code prunelab plot}) and copy to the clipboard.
 */
package org.prunelab.ui.chart;

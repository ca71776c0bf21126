/**
 * The figures of PruneLab as small pure functions from plain records to a JFreeChart: accuracy
 * against pruned parameters or FLOPs ({@link org.prunelab.chart.AccuracyVsPrunedChart}), the Pareto
 * front, prune potential clean against corrupted, excess error per corruption (one method) and per
 * method (one corruption), agreement with the unpruned network against input noise, the per-layer
 * allocation, the sensitivity box and S_l charts, measured error curves, and the corruption gallery
 * ({@link org.prunelab.chart.CorruptionGallery}). {@link org.prunelab.chart.FigureExport} writes
 * any of them headless as PNG, SVG or PDF, so the command line ({@code plot}) and the workbench
 * (right-click export) draw the same figure with the same code; {@link
 * org.prunelab.chart.MethodColors} gives every method one colour everywhere.
 *
 * <p>May use {@code data} and {@code data.corrupt} (for the gallery's images), {@code error} and
 * JFreeChart with its SVG and PDF back ends. No JavaFX (the FX viewer lives in {@code ui.chart})
 * and no tensors: inputs are records of numbers and ids ({@code CurvePoint}, {@code ParetoPoint},
 * ...), checked on construction.
 */
package org.prunelab.chart;

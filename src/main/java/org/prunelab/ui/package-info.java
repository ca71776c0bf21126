/**
 * The workbench's kernel: what every view builds on and nothing more. {@link
 * org.prunelab.ui.WorkbenchContext} gives a view its jobs, its dialogs ({@link
 * org.prunelab.ui.DialogService}), the opened {@link org.prunelab.ui.LoadedModel}, the shared layer
 * selection, the {@link org.prunelab.ui.UndoHistory} and its share of the project file ({@link
 * org.prunelab.ui.ProjectSection}); {@link org.prunelab.ui.FxThread} is the one place that hands
 * work to the FX thread and {@link org.prunelab.ui.Fxml} loads a view's FXML.
 *
 * <p>The feature views ({@code ui.start}, {@code ui.model}, {@code ui.sensitivity}, {@code
 * ui.allocation}, with {@code ui.jobs} and {@code ui.chart}) depend on this package, and the shell
 * ({@code ui.shell}) on them; this package knows neither. Each view is {@code XxxView.fxml} +
 * {@code XxxView} (wires controls, draws charts) + {@code XxxViewModel} (data only: no controls,
 * windows or JFreeChart), as {@code arch.UiArchitectureTest} checks.
 */
package org.prunelab.ui;

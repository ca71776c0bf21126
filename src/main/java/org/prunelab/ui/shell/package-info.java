/**
 * The workbench's shell: the JavaFX application ({@link org.prunelab.ui.shell.WorkbenchApp},
 * started by the launcher), the main window with its navigator, job panel and status bar, and
 * {@link org.prunelab.ui.shell.Workbench}, the shell state every view sees as its {@code
 * WorkbenchContext}: device worker and jobs, error dialogs, the opened model, undo history, project
 * files, recent projects and themes. Only this package knows all views; no view knows it.
 */
package org.prunelab.ui.shell;

package org.prunelab.ui;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import org.prunelab.job.JobHandle;
import org.prunelab.job.Jobs;
import org.prunelab.service.LoadedModel;
import org.prunelab.service.NetworkComparison;
import org.prunelab.service.ScoreCache;

/**
 * What the shell gives every feature view: the jobs that run background work on the device worker,
 * the score cache the views share, the dialogs that report failures, the model the workbench is
 * working on, the layer selected in any view, the undo history and the project file's sections. All
 * properties are read and written on the FX thread only.
 */
public interface WorkbenchContext {
  /**
   * Submits background jobs (engine work never runs on the FX thread); the callbacks run on the FX
   * thread.
   */
  Jobs jobs();

  /**
   * The workbench's one score cache: a view scores through it inside its job, so a model scored by
   * one view with a method and sample set is not scored again by another.
   */
  ScoreCache scores();

  /**
   * The results store the live views draw from (the project's store, or the one opened from the
   * File menu), polled in the background; its snapshot changes on the FX thread.
   */
  ResultsFeed results();

  /** Reports failed actions to the user (the state they would have changed stays as it was). */
  DialogService dialogs();

  /**
   * The opened model and its data; {@code null} until the first load finishes. Replaced as a whole
   * on open.
   */
  ReadOnlyObjectProperty<LoadedModel> model();

  /**
   * Opens {@code source} (zoo name, .plm or .onnx path) with {@code dataset} as the workbench's
   * model, in a job; a failure shows a dialog and the open model stays.
   */
  JobHandle<LoadedModel> openModel(String source, String dataset);

  /**
   * Name of the layer (graph node) selected in any view, {@code null} for none; views highlight it.
   */
  ObjectProperty<String> selectedLayer();

  /**
   * The before/after comparison the model view shows (a compressed network beside its original),
   * {@code null} for none; any view may set it.
   */
  ObjectProperty<NetworkComparison> comparison();

  /** Brings the view with navigator title {@code title} ("Model") to the front. */
  void showView(String title);

  /** Undo/redo of the user's edits across views. */
  UndoHistory history();

  /** Adds a view's state to the project file under {@code key} (e.g. "allocation"). */
  void registerProjectSection(String key, ProjectSection section);
}

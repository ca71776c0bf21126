package org.prunelab.ui.start;

import java.nio.file.Path;
import java.util.Optional;
import javafx.beans.property.StringProperty;
import javafx.collections.ObservableList;
import org.prunelab.job.JobHandle;
import org.prunelab.service.LoadedModel;
import org.prunelab.ui.WorkbenchContext;

/**
 * What the start page needs from the shell beyond every view's {@link WorkbenchContext}: the
 * dataset the next model opens with, the recent projects, and opening a model or a project (each a
 * job; a failure shows a dialog and leaves the workbench as it was). FX thread only.
 */
public interface StartContext extends WorkbenchContext {
  /** The dataset the next opened model comes with; follows the opened model. */
  StringProperty dataset();

  /** The project files opened or saved lately, newest first (read-only). */
  ObservableList<Path> recentProjects();

  /** Opens a model file with the current {@link #dataset()}. */
  JobHandle<LoadedModel> openModelFile(Path file);

  /** Opens a project file; empty when the file could not be read (a dialog says why). */
  Optional<JobHandle<LoadedModel>> openProject(Path file);
}

package org.prunelab.ui.shell;

import java.util.Objects;
import java.util.function.Function;
import javafx.scene.Node;
import org.prunelab.ui.WorkbenchContext;

/**
 * One entry of the workbench's navigator: the title it shows and the factory of its view, called
 * once, the first time the entry is selected. Adding a view to the workbench is one such entry in
 * {@link Workbench#VIEWS}, e.g. {@code new NavigatorEntry("Sensitivity", SensitivityView::new)}.
 *
 * @param title the navigator's label, unique among entries
 * @param view builds the view from the workbench (a {@link WorkbenchContext}, plus the shell's own
 *     operations)
 */
public record NavigatorEntry(String title, Function<Workbench, Node> view) {
  public NavigatorEntry {
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(view, "view");
  }
}

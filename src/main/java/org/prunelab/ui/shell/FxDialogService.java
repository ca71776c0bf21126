package org.prunelab.ui.shell;

import java.util.function.Supplier;
import javafx.stage.Window;
import org.prunelab.ui.DialogService;

/**
 * The workbench's {@link DialogService}: an {@link ErrorDialog} over the window that owns dialogs.
 */
public final class FxDialogService implements DialogService {
  private final Supplier<Window> owner;

  /** Dialogs over the window {@code owner} gives at the time (may give null: no owner). */
  public FxDialogService(Supplier<Window> owner) {
    this.owner = owner;
  }

  @Override
  public void showError(String header, Throwable error) {
    ErrorDialog.show(owner.get(), header, error);
  }
}

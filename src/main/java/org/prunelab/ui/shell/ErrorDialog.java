package org.prunelab.ui.shell;

import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.stage.Window;

/**
 * The dialog that reports a failed user action: a header saying what could not be done and the
 * exception's message, which names the problem and the way out. Non-blocking; the workbench state
 * is left as it was.
 */
public final class ErrorDialog {
  /** Id of the dialog pane, for tests and stylesheets. */
  public static final String PANE_ID = "error-dialog";

  private ErrorDialog() {}

  /** Shows the dialog over {@code owner} (may be null) and returns it. */
  public static Alert show(Window owner, String header, Throwable error) {
    Alert alert = new Alert(Alert.AlertType.ERROR, "", ButtonType.OK);
    if (owner != null) {
      alert.initOwner(owner);
    }
    alert.setTitle("PruneLab");
    alert.setHeaderText(header);
    Label text = new Label(message(error));
    text.setWrapText(true);
    text.setMaxWidth(640);
    alert.getDialogPane().setContent(text);
    alert.getDialogPane().setId(PANE_ID);
    alert.setResizable(true);
    alert.show();
    return alert;
  }

  /** The text shown for {@code error}: its message, or its type when it has none. */
  static String message(Throwable error) {
    String m = error.getMessage();
    return m == null || m.isBlank() ? error.getClass().getSimpleName() : m;
  }
}

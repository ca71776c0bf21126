package org.prunelab.ui;

import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.stage.Modality;
import javafx.stage.Window;

/**
 * The error dialog of the feature views: names what went wrong (the library's exception messages say the problem
 * and the way out) and tells the user the view kept its previous state. Shown without blocking the caller.
 */
public final class ProblemDialog {
  /** Style class of the dialog pane, so tests and themes can find it. */
  public static final String STYLE_CLASS = "problem-dialog";

  private ProblemDialog() {}

  /** Shows {@code error}'s message under {@code title}, owned by {@code owner} (may be null). FX thread. */
  public static Alert show(Window owner, String title, Throwable error) {
    String message = error.getMessage() == null ? error.toString() : error.getMessage();
    Alert alert = new Alert(Alert.AlertType.ERROR, message + "\n\nNothing was changed.", ButtonType.OK);
    alert.setTitle(title);
    alert.setHeaderText(title);
    alert.getDialogPane().getStyleClass().add(STYLE_CLASS);
    alert.getDialogPane().setPrefWidth(520);
    if (owner != null) {
      alert.initOwner(owner);
    }
    alert.initModality(Modality.NONE);
    alert.show();
    return alert;
  }
}

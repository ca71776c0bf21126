package org.prunelab.ui;

import java.io.IOException;
import java.io.UncheckedIOException;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;

/**
 * Loads a view's FXML: the file named after the view's class next to it ({@code AllocationView}
 * reads {@code AllocationView.fxml}), with the view as its {@code fx:root} and as its controller,
 * so the view's {@code @FXML} fields are filled when this returns.
 */
public final class Fxml {
  private Fxml() {}

  /** Loads the FXML of {@code view} into it; call from the view's constructor. */
  public static void load(Parent view) {
    String file = view.getClass().getSimpleName() + ".fxml";
    FXMLLoader loader = new FXMLLoader(view.getClass().getResource(file));
    loader.setRoot(view);
    loader.setController(view);
    try {
      loader.load();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot load " + file + ": " + e.getMessage(), e);
    }
  }
}

package org.prunelab.ui.shell;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The guided tour's bar above the views: "Step 2 of 6: How much each channel matters", the step's
 * caption, whether its work is still running, Next (enabled when it is done; Finish on the last
 * step) and Close.
 */
final class TourBar extends HBox {
  private final Label step = new Label();
  private final Label caption = new Label();
  private final Label state = new Label();
  private final Button next = new Button("Next");

  TourBar(GuidedTour tour) {
    setId("tour-bar");
    getStyleClass().add("tour-bar");
    setSpacing(12);
    setAlignment(Pos.CENTER_LEFT);
    setPadding(new Insets(8, 12, 8, 12));
    step.getStyleClass().add("section-title");
    step.setId("tour-step");
    caption.setId("tour-caption");
    caption.setWrapText(true);
    caption.setMinHeight(USE_PREF_SIZE);
    state.getStyleClass().add("hint");
    state.setMinWidth(USE_PREF_SIZE);
    VBox text = new VBox(2, step, caption, state);
    text.setMinWidth(0);
    HBox.setHgrow(text, Priority.ALWAYS);
    next.setId("tour-next");
    next.setMinWidth(USE_PREF_SIZE);
    next.setDefaultButton(false);
    next.disableProperty().bind(tour.readyProperty().not());
    next.setOnAction(e -> tour.next());
    Button close = new Button("Close tour");
    close.setMinWidth(USE_PREF_SIZE);
    close.setOnAction(e -> tour.close());
    getChildren().addAll(text, next, close);
    tour.indexProperty().addListener((o, a, b) -> show(tour));
    tour.readyProperty()
        .addListener((o, a, b) -> state.setText(b ? "done: press Next" : "working…"));
    show(tour);
  }

  private void show(GuidedTour tour) {
    int i = Math.max(0, tour.indexProperty().get());
    step.setText("Guided tour, step " + (i + 1) + " of " + tour.size() + ": " + tour.title());
    caption.setText(tour.caption());
    state.setText(tour.readyProperty().get() ? "done: press Next" : "working…");
    next.setText(i == tour.size() - 1 ? "Finish" : "Next");
  }
}

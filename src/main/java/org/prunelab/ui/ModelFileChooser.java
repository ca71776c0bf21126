package org.prunelab.ui;

import java.io.File;
import java.nio.file.Path;
import java.util.Optional;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** The dialog that asks for a model file to open: ONNX or PruneLab's own {@code .plm}. */
public final class ModelFileChooser {
  private ModelFileChooser() {}

  /** Asks for an ONNX or PruneLab model file over {@code owner}; empty when the user cancels. */
  public static Optional<Path> choose(Window owner) {
    FileChooser chooser = new FileChooser();
    chooser.setTitle("Open model");
    chooser
        .getExtensionFilters()
        .addAll(
            new FileChooser.ExtensionFilter("Models (*.onnx, *.plm)", "*.onnx", "*.plm"),
            new FileChooser.ExtensionFilter("ONNX (*.onnx)", "*.onnx"),
            new FileChooser.ExtensionFilter("PruneLab model (*.plm)", "*.plm"));
    return Optional.ofNullable(chooser.showOpenDialog(owner)).map(File::toPath);
  }
}

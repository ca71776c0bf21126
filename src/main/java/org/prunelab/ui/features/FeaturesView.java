package org.prunelab.ui.features;

import java.awt.image.BufferedImage;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.value.ObservableValue;
import javafx.embed.swing.SwingFXUtils;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.image.ImageView;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.prunelab.service.CompressionMethod;
import org.prunelab.ui.Fxml;
import org.prunelab.ui.ModelFileChooser;
import org.prunelab.ui.WorkbenchContext;

/**
 * The informative-features view (view of {@code FeaturesView.fxml}): the test image, the pruning
 * (method and keep ratio, or a pruned model file chosen with the model file dialog), the SIS
 * threshold and patch, an Explain button, and the figure of the unpruned and pruned networks' SIS
 * and integrated gradients with a line naming their overlap. Bound to a {@link FeaturesViewModel};
 * the work runs in its job, never on the FX thread.
 */
public final class FeaturesView extends VBox {
  private final FeaturesViewModel viewModel;
  @FXML private Spinner<Integer> imageIndex;
  @FXML private ComboBox<CompressionMethod> method;
  @FXML private Spinner<Double> keepRatio;
  @FXML private Spinner<Double> threshold;
  @FXML private ComboBox<Integer> patch;
  @FXML private Button explain;
  @FXML private Button openFile;
  @FXML private Button clearFile;
  @FXML private ProgressIndicator busy;
  @FXML private Label description;
  @FXML private ImageView figure;

  /** The view over the workbench's context. */
  public FeaturesView(WorkbenchContext context) {
    this(new FeaturesViewModel(context));
  }

  FeaturesView(FeaturesViewModel viewModel) {
    this.viewModel = viewModel;
    Fxml.load(this);
    SpinnerValueFactory.IntegerSpinnerValueFactory indices =
        new SpinnerValueFactory.IntegerSpinnerValueFactory(
            0,
            Math.max(0, viewModel.imageCountProperty().get() - 1),
            viewModel.imageIndexProperty().get());
    imageIndex.setValueFactory(indices);
    viewModel
        .imageCountProperty()
        .addListener((o, a, count) -> indices.setMax(Math.max(0, count.intValue() - 1)));
    indices.valueProperty().addListener((o, a, b) -> viewModel.imageIndexProperty().set(b));
    viewModel.imageIndexProperty().addListener((o, a, b) -> indices.setValue(b.intValue()));
    method.getItems().setAll(FeaturesViewModel.methods());
    method.setConverter(new MethodNames());
    method.valueProperty().bindBidirectional(viewModel.methodProperty());
    keepRatio.setValueFactory(
        new SpinnerValueFactory.DoubleSpinnerValueFactory(
            0.01, 1, viewModel.keepRatioProperty().get(), 0.05));
    keepRatio
        .getValueFactory()
        .valueProperty()
        .addListener((o, a, b) -> viewModel.keepRatioProperty().set(b));
    viewModel
        .keepRatioProperty()
        .addListener((o, a, b) -> keepRatio.getValueFactory().setValue(b.doubleValue()));
    threshold.setValueFactory(
        new SpinnerValueFactory.DoubleSpinnerValueFactory(
            0.5, 0.99, viewModel.thresholdProperty().get(), 0.01));
    threshold
        .getValueFactory()
        .valueProperty()
        .addListener((o, a, b) -> viewModel.thresholdProperty().set(b));
    viewModel
        .thresholdProperty()
        .addListener((o, a, b) -> threshold.getValueFactory().setValue(b.doubleValue()));
    patch.getItems().setAll(FeaturesViewModel.PATCHES);
    patch.valueProperty().bindBidirectional(viewModel.patchProperty());
    for (Spinner<?> spinner : new Spinner<?>[] {imageIndex, keepRatio, threshold}) {
      commitOnFocusLoss(spinner);
    }
    explain.disableProperty().bind(viewModel.imageCountProperty().isEqualTo(0));
    BooleanBinding fromFile = viewModel.prunedFileProperty().isNotNull();
    method.disableProperty().bind(fromFile);
    keepRatio.disableProperty().bind(fromFile);
    openFile.visibleProperty().bind(fromFile.not());
    openFile.managedProperty().bind(fromFile.not());
    clearFile.visibleProperty().bind(fromFile);
    clearFile.managedProperty().bind(fromFile);
    clearFile
        .textProperty()
        .bind(
            viewModel
                .prunedFileProperty()
                .map(f -> "pruned file " + f.getFileName() + " (use the method instead)"));
    busy.visibleProperty().bind(viewModel.runningProperty());
    description.textProperty().bind(viewModel.descriptionProperty());
    ObservableValue<BufferedImage> image = viewModel.figureProperty();
    figure.imageProperty().bind(image.map(i -> SwingFXUtils.toFXImage(i, null)));
  }

  /** The view's state (for the shell and tests). */
  public FeaturesViewModel viewModel() {
    return viewModel;
  }

  @FXML
  private void explain() {
    viewModel.explain();
  }

  @FXML
  private void openFile() {
    ModelFileChooser.choose(getScene().getWindow())
        .ifPresent(f -> viewModel.prunedFileProperty().set(f));
  }

  @FXML
  private void clearFile() {
    viewModel.prunedFileProperty().set(null);
  }

  /** An editable spinner takes what was typed when it loses focus, not only on Enter. */
  private static void commitOnFocusLoss(Spinner<?> spinner) {
    spinner
        .focusedProperty()
        .addListener(
            (o, was, now) -> {
              if (!now) {
                spinner.increment(0);
              }
            });
  }

  /** Methods by their command-line names. */
  private static final class MethodNames extends StringConverter<CompressionMethod> {
    @Override
    public String toString(CompressionMethod m) {
      return m == null ? "" : m.cliName();
    }

    @Override
    public CompressionMethod fromString(String text) {
      return CompressionMethod.parse(text);
    }
  }
}

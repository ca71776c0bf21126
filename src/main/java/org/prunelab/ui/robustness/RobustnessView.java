package org.prunelab.ui.robustness;

import java.awt.image.BufferedImage;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableValue;
import javafx.embed.swing.SwingFXUtils;
import javafx.fxml.FXML;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.image.ImageView;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.jfree.chart.JFreeChart;
import org.prunelab.chart.AgreementChart;
import org.prunelab.chart.ExcessErrorByMethodChart;
import org.prunelab.chart.PrunePotentialChart;
import org.prunelab.error.PruneLabException;
import org.prunelab.ui.Fxml;
import org.prunelab.ui.WorkbenchContext;
import org.prunelab.ui.chart.LiveChartBox;
import org.prunelab.ui.experiments.ExperimentRow;

/**
 * The robustness view (view of {@code RobustnessView.fxml}), four panels under a header that picks
 * the experiment, the corruption, the keep ratio and the tolerance: the corruption gallery of the
 * test image chosen by its index (at its own size, or shrunk to the panel's width when the panel is
 * narrower), and for the selected experiment of the watched results store the excess error per
 * method on the chosen corruption, the prune potential clean vs that corruption and the agreement
 * with the unpruned network against input noise at the chosen keep ratio, each with a one-sentence
 * caption, redrawn whenever the store's snapshot changes (off the FX thread, {@link LiveChartBox}).
 * Where a chart cannot be drawn a placeholder says what is missing. Bound to a {@link
 * RobustnessViewModel}.
 */
public final class RobustnessView extends VBox {
  private final RobustnessViewModel viewModel;
  private final LiveChartBox excess;
  private final LiveChartBox potential;
  private final LiveChartBox agreement;
  @FXML private ComboBox<ExperimentRow> experiment;
  @FXML private ComboBox<String> distribution;
  @FXML private ComboBox<Double> keepRatio;
  @FXML private Spinner<Double> tolerance;
  @FXML private Spinner<Integer> imageIndex;
  @FXML private Label galleryDescription;
  @FXML private ImageView gallery;
  @FXML private ScrollPane galleryScroll;
  @FXML private StackPane excessSlot;
  @FXML private StackPane potentialSlot;
  @FXML private StackPane agreementSlot;

  /** The view over the workbench's context. */
  public RobustnessView(WorkbenchContext context) {
    this(new RobustnessViewModel(context));
  }

  RobustnessView(RobustnessViewModel viewModel) {
    this.viewModel = viewModel;
    Fxml.load(this);
    excess = box(excessSlot);
    potential = box(potentialSlot);
    agreement = box(agreementSlot);
    bindHeader();
    bindGallery(viewModel.gallery());
    viewModel.excessErrorProperty().addListener((o, a, b) -> drawExcess());
    viewModel.potentialProperty().addListener((o, a, b) -> drawPotential());
    viewModel.agreementProperty().addListener((o, a, b) -> drawAgreement());
    drawExcess();
    drawPotential();
    drawAgreement();
  }

  /** The view's state (for the shell and tests). */
  public RobustnessViewModel viewModel() {
    return viewModel;
  }

  private void bindHeader() {
    experiment.setItems(viewModel.experiments());
    experiment.valueProperty().bindBidirectional(viewModel.selectedProperty());
    distribution.setItems(viewModel.distributions());
    distribution.valueProperty().bindBidirectional(viewModel.distributionProperty());
    keepRatio.setItems(viewModel.keepRatios());
    keepRatio.setConverter(new KeepRatios());
    keepRatio.valueProperty().bindBidirectional(viewModel.keepRatioProperty());
    tolerance.setValueFactory(
        new SpinnerValueFactory.DoubleSpinnerValueFactory(
            0, 50, RobustnessViewModel.DEFAULT_TOLERANCE_POINTS, 0.1));
    tolerance
        .getValueFactory()
        .valueProperty()
        .addListener((o, a, b) -> viewModel.tolerancePointsProperty().set(b));
    commitOnFocusLoss(tolerance);
  }

  private void bindGallery(GalleryModel model) {
    SpinnerValueFactory.IntegerSpinnerValueFactory indices =
        new SpinnerValueFactory.IntegerSpinnerValueFactory(
            0, Math.max(0, model.imageCountProperty().get() - 1), model.imageIndexProperty().get());
    imageIndex.setValueFactory(indices);
    model
        .imageCountProperty()
        .addListener((o, a, count) -> indices.setMax(Math.max(0, count.intValue() - 1)));
    indices.valueProperty().addListener((o, a, b) -> model.imageIndexProperty().set(b));
    model.imageIndexProperty().addListener((o, a, b) -> indices.setValue(b.intValue()));
    commitOnFocusLoss(imageIndex);
    imageIndex.disableProperty().bind(model.imageCountProperty().isEqualTo(0));
    galleryDescription.textProperty().bind(model.descriptionProperty());
    ObservableValue<BufferedImage> image = model.imageProperty();
    gallery.imageProperty().bind(image.map(i -> SwingFXUtils.toFXImage(i, null)));
    gallery
        .fitWidthProperty()
        .bind(
            Bindings.createDoubleBinding(
                () ->
                    gallery.getImage() == null
                        ? 0
                        : Math.min(
                            gallery.getImage().getWidth(),
                            galleryScroll.getViewportBounds().getWidth()),
                gallery.imageProperty(),
                galleryScroll.viewportBoundsProperty()));
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

  private void drawExcess() {
    String distribution = viewModel.distributionProperty().get();
    fill(
        excess,
        viewModel.excessErrorProperty().get(),
        points -> ExcessErrorByMethodChart.of(distribution, points.points()));
  }

  private void drawPotential() {
    double tolerance = viewModel.tolerancePointsProperty().get() / 100;
    fill(
        potential,
        viewModel.potentialProperty().get(),
        points -> PrunePotentialChart.of(points.points(), tolerance));
  }

  private void drawAgreement() {
    Double keep = viewModel.keepRatioProperty().get();
    fill(
        agreement,
        viewModel.agreementProperty().get(),
        points -> AgreementChart.of(points.points(), keep));
  }

  /**
   * Draws the chart {@code build} makes of {@code data} in {@code box} (off the FX thread), or a
   * placeholder saying why there is none.
   */
  private static <T> void fill(
      LiveChartBox box, ChartInputs<T> data, Function<ChartInputs<T>, JFreeChart> build) {
    box.show(
        () -> {
          if (!data.ready()) {
            throw new PruneLabException(data.problem());
          }
          return build.apply(data);
        });
  }

  /** A chart box filling {@code slot}. */
  private LiveChartBox box(StackPane slot) {
    LiveChartBox box = new LiveChartBox("", viewModel::chartExportFailed);
    slot.getChildren().setAll(box);
    return box;
  }

  /** Shows keep ratios with four significant digits (0.3, not 0.30000000000000004). */
  private final class KeepRatios extends StringConverter<Double> {
    @Override
    public String toString(Double value) {
      return value == null
          ? ""
          : new BigDecimal(String.format(Locale.ROOT, "%.4g", value))
              .stripTrailingZeros()
              .toPlainString();
    }

    @Override
    public Double fromString(String text) {
      return viewModel.keepRatios().stream()
          .filter(k -> toString(k).equals(text))
          .findFirst()
          .orElse(null);
    }
  }
}

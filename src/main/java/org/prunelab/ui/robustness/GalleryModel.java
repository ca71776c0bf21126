package org.prunelab.ui.robustness;

import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import org.prunelab.chart.CorruptionGallery;
import org.prunelab.data.ImageDataset;
import org.prunelab.data.corrupt.Corruptions;
import org.prunelab.job.JobHandle;
import org.prunelab.job.Jobs;
import org.prunelab.service.LoadedModel;

/**
 * The corruption gallery of one test image of the opened model, the image chosen by its index: the
 * clean image and every corruption at severities 1-5 ({@link CorruptionGallery}, random corruptions
 * drawn with seed {@value #SEED} as {@code prunelab plot corruption-gallery} draws them), rendered
 * in a job on the device worker whenever the model or the index changes; a newer request cancels
 * the older one and a late result of an older one is dropped. FX thread only.
 */
public final class GalleryModel {
  /** The severity columns. */
  public static final List<Integer> SEVERITIES = List.of(1, 2, 3, 4, 5);

  /** Seed of the random corruptions' draws. */
  public static final long SEED = 1;

  /** Target tile size in pixels; images are enlarged by a whole factor to come near it. */
  static final int TILE = 64;

  private final Jobs jobs;
  private final IntegerProperty imageIndex = new SimpleIntegerProperty(0);
  private final ReadOnlyIntegerWrapper imageCount = new ReadOnlyIntegerWrapper(0);
  private final ReadOnlyObjectWrapper<BufferedImage> image = new ReadOnlyObjectWrapper<>();
  private final ReadOnlyStringWrapper description = new ReadOnlyStringWrapper("");
  private ImageDataset test;
  private JobHandle<BufferedImage> running;
  private long request;

  /** A gallery of the test images of {@code model}, rendered by {@code jobs}. */
  GalleryModel(Jobs jobs, ReadOnlyObjectProperty<LoadedModel> model) {
    this.jobs = jobs;
    model.addListener((o, a, m) -> follow(m));
    imageIndex.addListener((o, a, b) -> render());
    follow(model.get());
  }

  /** The gallery of image {@code index} of {@code test}, tiles enlarged to about {@link #TILE}. */
  public static CorruptionGallery of(ImageDataset test, int index) {
    int scale = Math.max(1, Math.min(16, TILE / Math.max(test.height(), test.width())));
    return new CorruptionGallery(
        test.subset(new int[] {index}), Corruptions.all(), SEVERITIES, SEED, scale);
  }

  private void follow(LoadedModel m) {
    test = m == null ? null : m.data().test();
    imageCount.set(test == null ? 0 : test.size());
    if (test != null && imageIndex.get() >= test.size()) {
      imageIndex.set(0);
    } else {
      render();
    }
  }

  private void render() {
    if (running != null) {
      running.cancel();
    }
    long mine = ++request;
    ImageDataset images = test;
    int index = imageIndex.get();
    if (images == null) {
      image.set(null);
      description.set("open a model to see one of its test images under every corruption");
      return;
    }
    if (index < 0 || index >= images.size()) {
      image.set(null);
      description.set("there is no test image " + index + "; pick 0 to " + (images.size() - 1));
      return;
    }
    description.set(String.format(Locale.ROOT, "drawing test image %d ...", index));
    running =
        jobs.submit(
            "Corruption gallery of test image " + index,
            ctx -> of(images, index).render(),
            rendered -> {
              if (mine == request) {
                image.set(rendered);
                description.set(describe(images, index));
              }
            },
            e -> {
              if (mine == request) {
                description.set("could not draw the corruption gallery: " + e.getMessage());
              }
            });
  }

  private static String describe(ImageDataset images, int index) {
    List<String> names = images.classNames();
    int label = images.label(index);
    String name = label < names.size() ? names.get(label) : "class " + label;
    return String.format(Locale.ROOT, "test image %d of %d: %s", index, images.size(), name);
  }

  /** Index of the test image shown, 0 to {@link #imageCountProperty()} - 1. */
  public IntegerProperty imageIndexProperty() {
    return imageIndex;
  }

  /** How many test images the opened model has (0 without a model). */
  public ReadOnlyIntegerProperty imageCountProperty() {
    return imageCount.getReadOnlyProperty();
  }

  /**
   * The rendered gallery; the previous one while a new one is drawn, {@code null} when there is
   * none.
   */
  public ReadOnlyObjectProperty<BufferedImage> imageProperty() {
    return image.getReadOnlyProperty();
  }

  /** What the gallery shows, or why it shows nothing. */
  public ReadOnlyStringProperty descriptionProperty() {
    return description.getReadOnlyProperty();
  }
}

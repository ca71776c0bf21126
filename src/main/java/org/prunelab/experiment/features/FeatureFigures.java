package org.prunelab.experiment.features;

import java.util.List;
import java.util.Locale;
import org.prunelab.chart.SisFigure;

/**
 * Turns explained images into rows of {@link SisFigure}: captions with each network's decision
 * (class name and confidence) and SIS size, the SIS as a pixel mask, and the integrated-gradients
 * map; the row's title names the image, its label and the overlap of the two SISs.
 */
public final class FeatureFigures {
  private FeatureFigures() {}

  /** The figure row of {@code e}, classes named by {@code classNames}. */
  public static SisFigure.Row row(FeatureExplanation e, List<String> classNames) {
    FeatureGrid grid = e.grid();
    String overlap =
        Double.isNaN(e.overlap())
            ? "no overlap (a network has no SIS)"
            : String.format(Locale.ROOT, "SIS overlap (IoU) %.2f", e.overlap());
    return new SisFigure.Row(
        String.format(
            Locale.ROOT, "test image %d (%s): %s", e.index(), name(classNames, e.label()), overlap),
        e.rawPixels(),
        grid.channels(),
        grid.height(),
        grid.width(),
        side(e.original(), grid, e.threshold(), classNames),
        side(e.pruned(), grid, e.threshold(), classNames));
  }

  private static SisFigure.Side side(
      NetworkExplanation n, FeatureGrid grid, double threshold, List<String> classNames) {
    String decision =
        String.format(Locale.ROOT, "%s %.0f %%", name(classNames, n.klass()), 100 * n.confidence());
    String caption =
        n.sis()
            .map(
                s ->
                    String.format(
                        Locale.ROOT, "%s, SIS %d of %d", decision, s.size(), grid.features()))
            .orElse(String.format(Locale.ROOT, "%s, no SIS (below %.2f)", decision, threshold));
    boolean[] mask =
        n.sis()
            .map(s -> grid.pixelMask(s.featureArray()))
            .orElse(new boolean[grid.height() * grid.width()]);
    return new SisFigure.Side(caption, mask, n.integratedGradients());
  }

  private static String name(List<String> classNames, int klass) {
    return klass < classNames.size() ? classNames.get(klass) : "class " + klass;
  }
}

package org.prunelab.results;

/**
 * How alike a pruned network f' and its unpruned original f decide, by their sufficient input
 * subsets ("Lost in Pruning", informative features; Carter et al. 2019): over {@code images} test
 * images on which f is at least {@code threshold} confident, with SIS features of {@code patch} x
 * {@code patch} pixels, {@code found} of them also have an SIS under f' (f' at least as confident);
 * over those,
 *
 * <pre>
 *   sisFraction          = mean |S'| / F                       (F features per image)
 *   overlap              = mean |S' n S| / |S' u S|            (intersection over union)
 *   referenceOnCandidate = mean softmax(f(x_{S'}))_{c'}        (f shown only f''s SIS, for f''s class)
 * </pre>
 *
 * and over all images {@code candidateOnReference} = mean softmax(f'(x_S))_c, f' shown only f's
 * SIS, for f's class. The three means over found images are NaN when {@code found} is 0.
 */
public record FeatureMetric(
    int images,
    int found,
    double threshold,
    int patch,
    double sisFraction,
    double overlap,
    double referenceOnCandidate,
    double candidateOnReference) {
  public FeatureMetric {
    if (images < 1 || found < 0 || found > images) {
      throw new IllegalArgumentException(
          "found " + found + " of " + images + " images: need 0 <= found <= images, images >= 1");
    }
    if (!(threshold > 0 && threshold < 1) || patch < 1) {
      throw new IllegalArgumentException(
          "threshold " + threshold + " must be in (0, 1) and patch " + patch + " >= 1");
    }
    fraction("candidate on reference", candidateOnReference, false);
    fraction("SIS fraction", sisFraction, found == 0);
    fraction("overlap", overlap, found == 0);
    fraction("reference on candidate", referenceOnCandidate, found == 0);
  }

  private static void fraction(String name, double value, boolean undefined) {
    if (undefined ? !Double.isNaN(value) : !(value >= 0 && value <= 1)) {
      throw new IllegalArgumentException(
          name
              + " must be "
              + (undefined ? "NaN with no SIS found" : "in [0, 1]")
              + ", got "
              + value);
    }
  }
}

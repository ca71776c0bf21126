package org.prunelab.experiment.features;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.prunelab.job.JobContext;
import org.prunelab.nn.Network;
import org.prunelab.results.FeatureMetric;

/**
 * Compares a pruned network's sufficient input subsets with its unpruned original's on the probe
 * images of {@link ReferenceFeatures} ({@link FeatureMetric} defines the four numbers): per image,
 * the pruned network decides c' on the whole image; when it is at least tau confident its SIS S' is
 * found with the same grid and threshold and set against the original's S (intersection over union
 * of the feature sets, |S'| / F, the original's confidence in c' shown only S'); and the pruned
 * network's confidence in the original's class c shown only S is measured on every image.
 */
public final class FeatureComparison {
  private FeatureComparison() {}

  /** The numbers the results store records for {@code candidate}. */
  public static FeatureMetric compare(
      ReferenceFeatures reference, Network original, Network candidate, JobContext ctx) {
    FeatureGrid grid = reference.grid();
    ClassConfidence candidateConfidence = new ClassConfidence(candidate, grid);
    BackwardSelection mine =
        new BackwardSelection(candidateConfidence, grid, reference.threshold());
    BackwardSelection theirs =
        new BackwardSelection(new ClassConfidence(original, grid), grid, reference.threshold());
    List<ProbeImage> images = reference.images();
    int found = 0;
    double size = 0;
    double overlap = 0;
    double referenceOnCandidate = 0;
    double candidateOnReference = 0;
    for (int i = 0; i < images.size(); i++) {
      ProbeImage image = images.get(i);
      ctx.progress(i, images.size(), "informative features");
      candidateOnReference +=
          mine.confidenceOn(image.pixels(), image.klass(), image.sis().features(), ctx);
      ClassConfidence.Decision decision = candidateConfidence.decide(image.pixels());
      Optional<SufficientInputSubset> sis =
          decision.confidence() < reference.threshold()
              ? Optional.empty()
              : mine.find(image.pixels(), decision.klass(), ctx);
      if (sis.isEmpty()) {
        continue;
      }
      found++;
      size += (double) sis.get().size() / grid.features();
      overlap += intersectionOverUnion(sis.get().features(), image.sis().features());
      referenceOnCandidate +=
          theirs.confidenceOn(image.pixels(), decision.klass(), sis.get().features(), ctx);
    }
    int n = images.size();
    return new FeatureMetric(
        n,
        found,
        reference.threshold(),
        grid.patch(),
        found == 0 ? Double.NaN : Math.min(1, size / found),
        found == 0 ? Double.NaN : Math.min(1, overlap / found),
        found == 0 ? Double.NaN : Math.min(1, referenceOnCandidate / found),
        Math.min(1, candidateOnReference / n));
  }

  /** |a n b| / |a u b| of two feature sets (1 when both are empty). */
  public static double intersectionOverUnion(List<Integer> a, List<Integer> b) {
    Set<Integer> union = new HashSet<>(a);
    union.addAll(b);
    if (union.isEmpty()) {
      return 1;
    }
    Set<Integer> common = new HashSet<>(a);
    common.retainAll(new HashSet<>(b));
    return (double) common.size() / union.size();
  }
}

package org.prunelab.experiment;

import java.util.List;
import java.util.Optional;
import org.prunelab.results.FeatureMetric;
import org.prunelab.results.JobResult;
import org.prunelab.results.SimilarityMetric;

/**
 * What one sweep job hands to the results store: its result, its functional similarity to the
 * unpruned network and, when the spec asks for them, its informative features against it.
 */
public record FinishedJob(
    JobResult result, List<SimilarityMetric> similarity, Optional<FeatureMetric> features) {
  public FinishedJob {
    similarity = List.copyOf(similarity);
  }
}

package org.prunelab.experiment;

import java.util.List;
import org.prunelab.results.JobResult;
import org.prunelab.results.SimilarityMetric;

/**
 * What one sweep job hands to the results store: its result and its functional similarity to the
 * unpruned network.
 */
public record FinishedJob(JobResult result, List<SimilarityMetric> similarity) {
  public FinishedJob {
    similarity = List.copyOf(similarity);
  }
}

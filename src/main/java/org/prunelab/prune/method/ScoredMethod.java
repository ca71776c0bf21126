package org.prunelab.prune.method;

import org.prunelab.job.JobContext;
import org.prunelab.nn.Network;
import org.prunelab.prune.allocate.AllocatorKind;
import org.prunelab.prune.sensitivity.ScoreFunction;
import org.prunelab.prune.sensitivity.SensitivityReport;

/**
 * What every method shares: its name, description, score function, need for samples and default
 * allocator.
 */
abstract class ScoredMethod implements PruneMethod {
  private final String name;
  private final String description;
  private final ScoreFunction scores;
  private final boolean needsSamples;
  private final AllocatorKind defaultAllocator;

  ScoredMethod(
      String name,
      String description,
      ScoreFunction scores,
      boolean needsSamples,
      AllocatorKind defaultAllocator) {
    this.name = name;
    this.description = description;
    this.scores = scores;
    this.needsSamples = needsSamples;
    this.defaultAllocator = defaultAllocator;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public String description() {
    return description;
  }

  @Override
  public boolean needsSamples() {
    return needsSamples;
  }

  @Override
  public AllocatorKind defaultAllocator() {
    return defaultAllocator;
  }

  @Override
  public SensitivityReport score(Network network, PruneRequest request, JobContext ctx) {
    MethodSupport.requireSamples(this, request);
    return scores.compute(network, request.samples(), ctx);
  }
}

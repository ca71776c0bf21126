package org.prunelab.experiment.metrics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeMap;
import org.prunelab.results.DistributionMetric;
import org.prunelab.results.JobResult;

/**
 * The jobs of one experiment in one mode, ready for metrics: the pruned jobs (method x keep ratio x
 * repetition) and the reference job of the unpruned network (method {@value #REFERENCE}, keep ratio
 * 1, repetition 0), whose accuracy every metric compares against. The training distribution is
 * {@value #CLEAN}; every other distribution the reference was evaluated on ("fog/3", "noise/0.1")
 * is a shifted one.
 *
 * @param network the network all jobs pruned
 * @param mode the mode of the pruned jobs
 * @param reference the unpruned network's job
 * @param pruned the pruned jobs, in store order
 */
public record Sweep(String network, String mode, JobResult reference, List<JobResult> pruned) {
  /** Method name of the reference job the runner records for the unpruned network. */
  public static final String REFERENCE = "unpruned";

  /** Name of the clean test distribution (the training distribution D). */
  public static final String CLEAN = "clean";

  /** Copies the jobs; the reference must have been evaluated on the clean test set. */
  public Sweep {
    Objects.requireNonNull(reference, "reference");
    pruned = List.copyOf(pruned);
    if (top1(reference, CLEAN).isEmpty()) {
      throw new MetricsException(
          "the unpruned reference job has no '"
              + CLEAN
              + "' metric; every metric compares"
              + " against its clean accuracy, so re-run the reference job with the clean test set");
    }
  }

  /**
   * Splits an experiment's jobs into the reference and the pruned jobs of {@code mode}; with {@code
   * mode} null the experiment must have pruned jobs in exactly one mode. The reference is the
   * unpruned job of the same network in the same mode, else of the same network in any mode.
   */
  public static Sweep of(List<JobResult> results, String mode) {
    Set<String> modes = new LinkedHashSet<>();
    results.stream().filter(r -> !isReference(r)).forEach(r -> modes.add(r.key().mode()));
    if (modes.isEmpty()) {
      throw new MetricsException(
          "the experiment has no pruned jobs yet; run the sweep (prunelab experiment run)"
              + " until some jobs are finished");
    }
    String chosen = mode;
    if (chosen == null) {
      if (modes.size() > 1) {
        throw new MetricsException(
            "the experiment has jobs in modes " + modes + "; pick one with --mode");
      }
      chosen = modes.iterator().next();
    } else if (!modes.contains(chosen)) {
      throw new MetricsException(
          "the experiment has no pruned jobs in mode '" + chosen + "'; its modes are " + modes);
    }
    String m = chosen;
    List<JobResult> pruned =
        results.stream().filter(r -> !isReference(r) && r.key().mode().equals(m)).toList();
    Set<String> networks = new LinkedHashSet<>();
    pruned.forEach(r -> networks.add(r.key().network()));
    if (networks.size() > 1) {
      throw new MetricsException(
          "the experiment pruned several networks "
              + networks
              + " in mode "
              + m
              + "; metrics compare one network with its own unpruned reference, so give each network its own experiment");
    }
    String network = networks.iterator().next();
    List<JobResult> references =
        results.stream().filter(r -> isReference(r) && r.key().network().equals(network)).toList();
    JobResult reference =
        references.stream()
            .filter(r -> r.key().mode().equals(m))
            .findFirst()
            .orElse(references.isEmpty() ? null : references.get(0));
    if (reference == null) {
      throw new MetricsException(
          "the experiment has no reference job for the unpruned "
              + network
              + " (method '"
              + REFERENCE
              + "', keep ratio 1); the sweep runner records it first: run the experiment again to add it");
    }
    return new Sweep(network, m, reference, pruned);
  }

  private static boolean isReference(JobResult r) {
    return r.key().method().equals(REFERENCE);
  }

  /** Top-1 of {@code job} on {@code distribution}, empty if the job was not evaluated on it. */
  public static OptionalDouble top1(JobResult job, String distribution) {
    for (DistributionMetric m : job.metrics()) {
      if (m.distribution().equals(distribution)) {
        return OptionalDouble.of(m.top1());
      }
    }
    return OptionalDouble.empty();
  }

  /**
   * Top-1 error 1 - top1 of {@code job} on {@code distribution}, empty if the job was not evaluated
   * on it.
   */
  public static OptionalDouble error(JobResult job, String distribution) {
    OptionalDouble top1 = top1(job, distribution);
    return top1.isPresent() ? OptionalDouble.of(1 - top1.getAsDouble()) : OptionalDouble.empty();
  }

  /** The methods of the pruned jobs, in store order. */
  public List<String> methods() {
    Set<String> methods = new LinkedHashSet<>();
    pruned.forEach(r -> methods.add(r.key().method()));
    return List.copyOf(methods);
  }

  /** The distributions the reference was evaluated on, in evaluation order. */
  public List<String> distributions() {
    return reference.metrics().stream().map(DistributionMetric::distribution).toList();
  }

  /** The shifted distributions: every distribution of the reference except {@value #CLEAN}. */
  public List<String> shiftedDistributions() {
    return distributions().stream().filter(d -> !d.equals(CLEAN)).toList();
  }

  /**
   * The reference's top-1 on {@code distribution}; a distribution it was not evaluated on is an
   * error.
   */
  public double referenceTop1(String distribution) {
    return top1(reference, distribution)
        .orElseThrow(
            () ->
                new MetricsException(
                    "the unpruned reference was not"
                        + " evaluated on '"
                        + distribution
                        + "'; known distributions: "
                        + distributions()));
  }

  /**
   * The jobs of {@code method} grouped by keep ratio, largest ratio first; an unknown method is an
   * error.
   */
  public List<RatioGroup> groups(String method) {
    Map<Double, List<JobResult>> byRatio = new TreeMap<>((a, b) -> Double.compare(b, a));
    pruned.stream()
        .filter(r -> r.key().method().equals(method))
        .forEach(r -> byRatio.computeIfAbsent(r.key().keepRatio(), k -> new ArrayList<>()).add(r));
    if (byRatio.isEmpty()) {
      throw new MetricsException(
          "no pruned jobs of method '" + method + "'; the experiment's methods are " + methods());
    }
    List<RatioGroup> groups = new ArrayList<>();
    byRatio.forEach((ratio, jobs) -> groups.add(new RatioGroup(method, ratio, jobs)));
    return groups;
  }

  /** The pruned jobs of {@code method} (an unknown method is an error). */
  public List<JobResult> jobs(String method) {
    return groups(method).stream().flatMap(g -> g.jobs().stream()).toList();
  }

  /** Counts of pruned jobs per method, in store order. */
  public Map<String, Integer> jobCounts() {
    Map<String, Integer> counts = new LinkedHashMap<>();
    pruned.forEach(r -> counts.merge(r.key().method(), 1, Integer::sum));
    return counts;
  }
}

/**
 * Prune-retrain sweeps (docs/adr/0010-sweep-runner.md): an {@link
 * org.prunelab.experiment.ExperimentSpec} read from YAML and validated field by field by {@link
 * org.prunelab.experiment.ExperimentSpecs} (its hash, over the canonical JSON, names the experiment
 * in the results store); {@link org.prunelab.experiment.SweepJobs} expands it into the unpruned
 * reference job plus method x keep ratio x repetition jobs; {@link
 * org.prunelab.experiment.ExperimentRunner} runs the unfinished ones in order and records each in
 * one transaction, so a killed run resumes. One job prunes the original network to its keep ratio
 * (one-shot, iterative or rewind), retrains it ({@link org.prunelab.experiment.Retraining} gives
 * the service layer's one recipe), and measures it on every test distribution ({@link
 * org.prunelab.experiment.TestDistributions}: clean, corrupted, uniform noise) and against the
 * unpruned network ({@link org.prunelab.experiment.FunctionalSimilarity}). {@link
 * org.prunelab.experiment.SweepData} prepares the images once per run.
 *
 * <p>Sub-packages turn the stored results into numbers ({@code experiment.metrics}) and into
 * figures' inputs and a Markdown report ({@code experiment.report}). May use every library package
 * below it ({@code data}, {@code nn}, {@code zoo}, {@code prune..}, {@code lowrank}, {@code train},
 * {@code results}, {@code job}, {@code error}) and the service layer ({@code service}, through
 * which every job compresses, retrains and evaluates; {@link org.prunelab.experiment.SweepSession}
 * runs a sweep job by job); {@code cli} and {@code ui} use it, never the other way round.
 */
package org.prunelab.experiment;

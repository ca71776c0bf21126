/**
 * Training and evaluation of a network in place. A {@link org.prunelab.train.TrainingRecipe}
 * (epochs, batch, {@link org.prunelab.train.OptimizerSpec}, {@link
 * org.prunelab.train.LearningRateSchedule}, augmentation, seed) drives the {@link
 * org.prunelab.train.Trainer}: per batch a {@link org.prunelab.train.TrainingStep} (training-mode
 * forward, cross-entropy, DJL autograd, one {@link org.prunelab.train.Optimizer} step: SGD with
 * momentum or Nesterov, Adam, AdamW), an optional hook after the step (weight masks are re-applied
 * there), progress per batch, cancellation at the next batch and a clear failure on a NaN loss.
 * {@link org.prunelab.train.Evaluator} measures top-1, top-5 and loss ({@link
 * org.prunelab.train.Metrics}) batch by batch in scoped native memory; {@link
 * org.prunelab.train.InputNormalization} keeps the normalisation in the network's metadata; {@link
 * org.prunelab.train.Throughput} measures images per second against the PyTorch reference.
 *
 * <p>May use {@code nn}, {@code nn.layer}, {@code data}, {@code job} and DJL. Libtorch's gradient
 * mode is per thread, so the optimizer step switches it off itself (training works on any job
 * thread).
 */
package org.prunelab.train;

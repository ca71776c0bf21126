/**
 * Pruning scores: what each channel and weight of every compressible layer (Conv2d and Linear) is
 * worth. A {@link org.prunelab.prune.sensitivity.ScoreFunction} gives a {@link
 * org.prunelab.prune.sensitivity.SensitivityReport} of {@link
 * org.prunelab.prune.sensitivity.LayerScores} (plain arrays, no native memory). Data-informed:
 * {@link org.prunelab.prune.sensitivity.PfpSensitivity} and {@link
 * org.prunelab.prune.sensitivity.SippSensitivity}, computed batched and chunked by the
 * package-private {@code EdgeSensitivity} with a fused host reduction on a CPU and broadcast
 * operators on a GPU (docs/adr/0008-sensitivity-reduction-on-the-host.md), equal to the per-image
 * definition to float32 rounding; {@link org.prunelab.prune.sensitivity.Snip}; {@link
 * org.prunelab.prune.sensitivity.ThiNet}. Data-free: {@link
 * org.prunelab.prune.sensitivity.FilterNorms}, {@link
 * org.prunelab.prune.sensitivity.WeightMagnitude}, {@link
 * org.prunelab.prune.sensitivity.RandomScores}. {@link org.prunelab.prune.sensitivity.SampleSets}
 * sizes and draws the sample set S by PFP's bound. Formulas: docs/algorithms.md.
 *
 * <p>May use {@code nn}, {@code nn.layer}, {@code data}, {@code job} (progress, cancellation) and
 * {@code error}, and DJL; every chunk of S runs in its own {@code NDManager} scope.
 */
package org.prunelab.prune.sensitivity;

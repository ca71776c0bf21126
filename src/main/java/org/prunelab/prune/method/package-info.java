/**
 * The pruning methods as one interface. A {@link org.prunelab.prune.method.PruneMethod} combines a
 * score ({@code prune.sensitivity}), an allocator ({@code prune.allocate}, the method's paper's by
 * default) and a {@link org.prunelab.prune.method.KeepRule}, and turns a network and a {@link
 * org.prunelab.prune.method.PruneRequest} into a {@link org.prunelab.prune.method.PruneOutcome}: a
 * smaller network built by surgery (structured: PFP, FT, ThiNet, random filters) or a masked copy
 * (unstructured: SiPP, WT, SNIP, random weights). {@link org.prunelab.prune.method.PruneMethods}
 * creates them by name. {@link org.prunelab.prune.method.ChannelBudgetProblem} is the network's
 * channel groups as an allocation problem with the exact size model; {@link
 * org.prunelab.prune.method.SensitivityAnalysis} bundles what the sensitivity view and {@code
 * prunelab sensitivity} show: scores, PFP's per-layer bound terms ({@link
 * org.prunelab.prune.method.LayerBound}) and the measured error curve of every group ({@link
 * org.prunelab.prune.method.LayerErrorCurves}, {@link org.prunelab.prune.method.ErrorCurve}).
 * Formulas and where the code departs from the papers: docs/algorithms.md.
 *
 * <p>May use {@code prune}, {@code prune.sensitivity}, {@code prune.allocate}, {@code nn}, {@code
 * nn.layer}, {@code data}, {@code job} and {@code error}, and DJL.
 */
package org.prunelab.prune.method;

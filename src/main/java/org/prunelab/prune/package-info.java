/**
 * The graph side of structured and unstructured pruning, on the network alone. {@link
 * org.prunelab.prune.ChannelGroups} traces which channels must be removed together ({@link
 * org.prunelab.prune.ChannelGroup}s tied by residual Adds, Concats, depthwise convolutions,
 * BatchNorm and Flatten, each with its {@link org.prunelab.prune.ChannelProducer}s and {@link
 * org.prunelab.prune.ChannelConsumer}s, or unprunable with the reason); a {@link
 * org.prunelab.prune.PruningPlan} names the kept channels per group; {@link
 * org.prunelab.prune.Surgery} rewrites the graph into a smaller dense network equal to the original
 * with those channels zeroed ({@link org.prunelab.prune.ChannelMasking}); {@link
 * org.prunelab.prune.SizeModel} gives the exact parameters and FLOPs ({@link
 * org.prunelab.prune.NetworkSize}) surgery would produce without building it, fast enough for every
 * mouse move. For weight pruning, {@link org.prunelab.prune.WeightMasks} keep the top-k weights of
 * each tensor and are re-applied after every optimizer step; {@link org.prunelab.prune.Sparsity}
 * counts non-zeros.
 *
 * <p>May use {@code nn}, {@code nn.layer}, {@code error} and DJL only (an ArchUnit rule): scores,
 * allocators, methods, data and training live in the sub-packages and in {@code train}, which build
 * on this one. Formulas: docs/algorithms.md, "Channel groups and surgery".
 */
package org.prunelab.prune;

/**
 * The experiments view (shows {@code experiment} and {@code results}): a sweep form that writes the
 * YAML the CLI reads and queues the sweep job by job on the device worker, and the charts of the
 * watched results store's experiments (accuracy vs pruned parameters and FLOPs, Pareto front, prune
 * potential), redrawn as jobs land from any process; a clicked point shows its run.
 */
package org.prunelab.ui.experiments;

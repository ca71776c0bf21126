/**
 * The allocation view (shows {@code prune.allocate}): draggable per-group keep-ratio bars, a budget
 * with an automatic allocator, exact totals and predicted errors on every move ({@link
 * org.prunelab.ui.allocation.AllocationCalculator}, pure Java on the FX thread), a debounced
 * measured accuracy, Prune, Prune &amp; Retrain and exports as jobs. {@link
 * org.prunelab.ui.allocation.AllocationViewModel} composes one class per job: scoring, editing with
 * undo, summary, measurement, actions, project section. Uses the ui kernel and the service layer.
 */
package org.prunelab.ui.allocation;

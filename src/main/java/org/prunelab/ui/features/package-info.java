/**
 * The informative-features view: one test image of the opened model explained by the model and by a
 * pruned version of it (a registry method at a keep ratio, one shot, no retraining), side by side:
 * each network's sufficient input subset and integrated gradients, and the overlap of the two SISs
 * ({@code experiment.features}, drawn by {@code chart.SisFigure}), computed in a job.
 */
package org.prunelab.ui.features;

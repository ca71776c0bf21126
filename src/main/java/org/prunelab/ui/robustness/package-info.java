/**
 * The robustness view (shows {@code experiment.report}'s robustness figures and {@code chart}'s
 * corruption gallery): one test image under every corruption at severities 1-5, and for the
 * selected experiment of the watched results store the excess error per method on one corruption,
 * the prune potential clean vs corrupted and the agreement with the unpruned network against input
 * noise, redrawn as jobs land from any process.
 */
package org.prunelab.ui.robustness;

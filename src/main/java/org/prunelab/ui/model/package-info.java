/**
 * The model view: the opened network's layer table (operator, shapes, parameters, FLOPs, channel
 * group, whether and why it is prunable) with totals, and the selection shared with the other
 * views.
 */
package org.prunelab.ui.model;

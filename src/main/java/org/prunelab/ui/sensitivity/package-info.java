/**
 * The sensitivity view (shows {@code prune.sensitivity}): a method's channel importance per group,
 * S_l per layer, the measured error curve of the selected group and its strongest and weakest
 * channels. The view-model scores through the workbench's score cache in a job and exposes chart
 * inputs; {@link org.prunelab.ui.sensitivity.SensitivityCharts} draws them.
 */
package org.prunelab.ui.sensitivity;

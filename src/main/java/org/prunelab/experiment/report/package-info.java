/**
 * From a results store to what people read: choosing an experiment in a store ({@link
 * org.prunelab.experiment.report.StoredExperiments}), the inputs of every chart builder ({@link
 * org.prunelab.experiment.report.FigureInputs}) and the Markdown report with the papers' tables
 * ({@link org.prunelab.experiment.report.ExperimentReport}). Shared by the CLI ({@code plot},
 * {@code experiment report}) and the workbench; no chart library and no tensors here.
 */
package org.prunelab.experiment.report;

/**
 * The job panel and the workbench's {@link org.prunelab.job.Jobs}: {@link
 * org.prunelab.ui.jobs.WorkerJobs} runs jobs on the device worker and calls back on the FX thread;
 * {@link org.prunelab.ui.jobs.JobPanelViewModel} holds one row per job (progress, ETA, device,
 * Cancel) that {@link org.prunelab.ui.jobs.JobPanel} shows.
 */
package org.prunelab.ui.jobs;

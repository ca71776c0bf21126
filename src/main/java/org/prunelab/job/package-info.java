/**
 * The one way PruneLab runs background work.
 *
 * <p>A service exposes its work as a {@link org.prunelab.job.Job}: a function of a {@link
 * org.prunelab.job.JobContext} through which it reports progress and polls for cancellation. A
 * {@link org.prunelab.job.DeviceWorker} runs jobs one at a time, in submission order, on the single
 * thread that owns a device (DJL graphs and trainers are not thread-safe); the {@link
 * org.prunelab.job.CallingThreadRunner} runs one on the calling thread (CLI, tests). Both report to
 * a {@link org.prunelab.job.JobListener} with progress coalesced to at most about 20 updates per
 * second per job, so a tight loop cannot flood a user interface.
 *
 * <p>{@link org.prunelab.job.Jobs} is how a caller that wants callbacks submits work: the workbench
 * implements it over its device worker (callbacks on the FX thread), {@link
 * org.prunelab.job.CallingThreadJobs} runs each job at once on the caller (view-model tests).
 *
 * <p>This package uses the JDK only: the JavaFX adapter lives in {@code ui.jobs}, the terminal
 * progress bar in {@code cli}.
 */
package org.prunelab.job;

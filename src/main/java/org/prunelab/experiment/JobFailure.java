package org.prunelab.experiment;

import org.prunelab.results.JobKey;

/**
 * A sweep job that failed (e.g. retraining diverged to NaN): its key and the error's message.
 * Nothing was stored.
 */
public record JobFailure(JobKey key, String message) {}

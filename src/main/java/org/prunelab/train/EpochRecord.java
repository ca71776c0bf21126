package org.prunelab.train;

/**
 * What one training epoch did: mean training loss and accuracy, validation metrics, final learning
 * rate, time.
 */
public record EpochRecord(
    int epoch, double trainLoss, double trainTop1, Metrics validation, double lr, double seconds) {}

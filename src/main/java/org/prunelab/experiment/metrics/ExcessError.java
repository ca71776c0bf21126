package org.prunelab.experiment.metrics;

/**
 * The excess error of one pruned job on one shifted test distribution D' (see {@link
 * ExcessErrors}).
 *
 * @param method the job's pruning method
 * @param keepRatio the job's requested keep ratio
 * @param repetition the job's repetition
 * @param distribution D', e.g. "fog/3"
 * @param pruneRatio 1 - realised parameter ratio of the job, the share of parameters removed
 * @param excess e, a difference of error fractions (0.01 = one percentage point); positive: the
 *     pruned network loses more under the shift than the unpruned one does
 */
public record ExcessError(
    String method,
    double keepRatio,
    int repetition,
    String distribution,
    double pruneRatio,
    double excess) {}

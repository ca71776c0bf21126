package org.prunelab.results;

/**
 * One point of an accuracy-versus-size chart: the top-1 accuracy of one method at one keep ratio on
 * one test distribution, over its {@code n} repetitions: mean {@code m = sum(x_i) / n} and sample
 * standard deviation {@code s = sqrt(sum((x_i - m)^2) / (n - 1))} (0 when n = 1), next to the mean
 * realised parameter and FLOP ratios.
 */
public record MethodAccuracy(
    String network,
    String mode,
    String method,
    double keepRatio,
    double paramRatio,
    double flopRatio,
    double mean,
    double std,
    int n) {}

package org.prunelab.experiment.features;

import java.util.Optional;

/**
 * What one network decides from on one image: its decision (class and softmax confidence), its
 * first sufficient input subset (empty when it is below the threshold on the whole image), and the
 * integrated-gradients and gradient x input attributions of its logit for that class, summed over
 * channels per pixel (H x W).
 */
public record NetworkExplanation(
    int klass,
    double confidence,
    Optional<SufficientInputSubset> sis,
    float[] integratedGradients,
    float[] gradientTimesInput) {}

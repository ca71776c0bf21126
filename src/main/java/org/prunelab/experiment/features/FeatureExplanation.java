package org.prunelab.experiment.features;

/**
 * One test image explained by an unpruned network and a pruned one, side by side: the image's
 * index, label and raw pixels ([0, 1], C x H x W, for drawing), the feature grid and threshold the
 * SISs were found with, both networks' explanations, and the intersection over union of their SISs
 * (NaN when either has none).
 */
public record FeatureExplanation(
    int index,
    int label,
    float[] rawPixels,
    FeatureGrid grid,
    double threshold,
    NetworkExplanation original,
    NetworkExplanation pruned,
    double overlap) {}

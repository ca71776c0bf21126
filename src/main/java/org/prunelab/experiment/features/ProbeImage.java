package org.prunelab.experiment.features;

/**
 * One test image of the informative-features probe: its index in the test set, its normalised
 * pixels (C x H x W, what the network reads) and the unpruned network's decision and SIS for it.
 */
public record ProbeImage(int index, float[] pixels, int klass, SufficientInputSubset sis) {}

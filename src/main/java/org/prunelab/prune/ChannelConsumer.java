package org.prunelab.prune;

/**
 * A channel-mixing node (convolution, linear layer) whose input number {@code input} holds the
 * channels of a group: channel {@code k} of the group is input features {@code [offset + k fpc,
 * offset + (k + 1) fpc)}, fpc = {@code featuresPerChannel} (1 for a convolution, where offsets are
 * input channel indices; H * W for a linear layer after a Flatten of C x H x W). Surgery removes
 * the matching input slices of its weight. A {@code tied} consumer (depthwise convolution) does not
 * mix channels: its input channel j is its output channel j, so it shrinks with the group instead.
 */
public record ChannelConsumer(
    String node, int input, int offset, int channels, int featuresPerChannel, boolean tied) {}

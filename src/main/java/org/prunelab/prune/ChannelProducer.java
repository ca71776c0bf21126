package org.prunelab.prune;

/**
 * A node whose output holds the channels of a group: a convolution or linear layer that creates
 * them, or a node that carries them through with per-channel parameters ({@code tied}: BatchNorm,
 * depthwise convolution). Channel {@code k} of the group is output features {@code [offset + k fpc,
 * offset + (k + 1) fpc)}, fpc = {@code featuresPerChannel} (1 for (C, H, W) outputs, where offsets
 * are channel indices; H * W for a flattened output). Surgery removes the matching filters, biases
 * and statistics.
 */
public record ChannelProducer(
    String node, int offset, int channels, int featuresPerChannel, boolean tied) {}

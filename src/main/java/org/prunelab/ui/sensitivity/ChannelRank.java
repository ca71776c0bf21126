package org.prunelab.ui.sensitivity;

/**
 * One row of the channel table: a channel of the selected group with its place in the method's
 * ranking.
 *
 * @param place "top 1" .. "top k" or "bottom 1" .. "bottom k" (bottom 1 is the least important)
 * @param channel the channel's index in the group
 * @param importance the method's importance of the channel
 * @param relative importance divided by the group's mean importance
 */
public record ChannelRank(String place, int channel, double importance, double relative) {}

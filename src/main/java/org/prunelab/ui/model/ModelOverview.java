package org.prunelab.ui.model;

import java.util.Map;
import org.prunelab.nn.NetworkSummary;

/**
 * What the model view shows of a loaded model, as plain values: where it came from, its layers, the channel group of
 * every layer that produces channels (by node name), and its metadata.
 */
public record ModelOverview(String title, String source, NetworkSummary summary, Map<String, ChannelGroupTag> groups,
    Map<String, String> metadata) {}

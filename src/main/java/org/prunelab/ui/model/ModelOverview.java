package org.prunelab.ui.model;

import java.util.Map;
import org.prunelab.nn.NetworkSummary;

/** What the model view shows of a loaded model, as plain values: where it came from, its layers and metadata. */
public record ModelOverview(String title, String source, NetworkSummary summary, Map<String, String> metadata) {}

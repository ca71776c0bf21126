package org.prunelab.service;

import java.util.List;
import java.util.Objects;
import org.prunelab.data.DataSplits;
import org.prunelab.data.Normalization;
import org.prunelab.nn.Network;
import org.prunelab.nn.NetworkSummary;
import org.prunelab.prune.ChannelGroup;

/**
 * A model opened with its data, as the workbench holds it: where it came from, the network itself
 * (touched only inside jobs on the device worker, never on the FX thread), its data splits and
 * input normalisation, and plain values views show directly (summary, channel groups). Opened by
 * {@link ModelLoader}; whoever holds it closes the network (the workbench does so in a job when
 * another model replaces it).
 *
 * @param source what the user opened: a zoo name or a .plm/.onnx path (as {@code zoo.ModelResolver}
 *     reads it)
 * @param dataset the dataset's name ("fashion-mnist", or "synthetic" for the built-in labelled
 *     stand-in)
 * @param network the network; use only inside jobs
 * @param data the splits (train, validation, sample set S, test) of {@code dataset}
 * @param normalization the input normalisation the network was trained with
 * @param summary per-layer shapes, parameters and FLOPs with totals
 * @param groups the network's channel groups (coupled layers), in graph order
 */
public record LoadedModel(
    String source,
    String dataset,
    Network network,
    DataSplits data,
    Normalization normalization,
    NetworkSummary summary,
    List<ChannelGroup> groups) {
  public LoadedModel {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(dataset, "dataset");
    Objects.requireNonNull(network, "network");
    Objects.requireNonNull(data, "data");
    Objects.requireNonNull(normalization, "normalization");
    Objects.requireNonNull(summary, "summary");
    groups = List.copyOf(groups);
  }
}

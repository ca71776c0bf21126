/**
 * PruneLab's own network graph (docs/adr/0001-own-network-graph.md): a {@link
 * org.prunelab.nn.Network} is a DAG of {@link org.prunelab.nn.Node}s in topological order, each
 * holding an immutable layer record of {@code nn.layer}, with parameters as DJL arrays owned by the
 * network's own {@code NDManager} (close the network to free them). {@link
 * org.prunelab.nn.NetworkBuilder} adds nodes with shape inference, so a wrong layer fails at once
 * with its name; the package-private {@code Forward} runs the nodes with DJL's operators on
 * libtorch, releases intermediates after their last reader, captures activations on request ({@link
 * org.prunelab.nn.ForwardOptions}) and folds BatchNorm into convolutions in eval mode. {@link
 * org.prunelab.nn.Checkpoint} reads and writes the {@code .plm} file (graph JSON, raw float32
 * parameters, CRC-32, atomic writes); {@link org.prunelab.nn.NetworkSummary} gives per-layer
 * shapes, parameters and FLOPs (multiply-accumulates, docs/adr/0002-flops-are-macs.md); {@link
 * org.prunelab.nn.Devices} picks CPU or CUDA; {@link org.prunelab.nn.EngineSelfCheck} guards
 * against libtorch's wrong oneDNN convolutions (docs/adr/0003-onednn-isa-guard.md).
 *
 * <p>May use {@code nn.layer}, {@code error}, DJL, Jackson (the model file) and SLF4J. Everything
 * that prunes, factors, trains or imports builds on this package; it knows none of them.
 */
package org.prunelab.nn;

/**
 * The layer types of the network graph: {@link org.prunelab.nn.layer.Layer} is a sealed interface
 * whose permitted records ({@link org.prunelab.nn.layer.Conv2d}, {@link
 * org.prunelab.nn.layer.Linear}, {@link org.prunelab.nn.layer.BatchNorm}, activations, pooling,
 * {@link org.prunelab.nn.layer.Flatten}, {@link org.prunelab.nn.layer.Reshape}, {@link
 * org.prunelab.nn.layer.Add}, {@link org.prunelab.nn.layer.Concat}, and the layers ONNX import
 * added: {@link org.prunelab.nn.layer.Slice}, {@link org.prunelab.nn.layer.Pad}, {@link
 * org.prunelab.nn.layer.ConstantArithmetic}, {@link org.prunelab.nn.layer.ConvTranspose2d}, ...)
 * each infer their per-sample output shape, declare the parameters they own ({@link
 * org.prunelab.nn.layer.ParamSpec}), count their multiply-accumulates and compute their output with
 * DJL's functional operators from a {@link org.prunelab.nn.layer.LayerCall} (inputs, parameters,
 * {@link org.prunelab.nn.layer.Mode}). Layers hold configuration only, never parameters, so surgery
 * and serialisation can rebuild them freely; the name each record is registered under in {@code
 * Layer}'s {@code @JsonSubTypes} is its type tag in the {@code .plm} file. A shape that does not
 * fit is a {@link org.prunelab.nn.layer.ShapeException} saying what the layer expected. Adding a
 * layer type touches the files listed in docs/architecture.md ("Where to add things", "A layer
 * type").
 *
 * <p>May use {@code error}, DJL and Jackson's annotations; nothing else of PruneLab.
 */
package org.prunelab.nn.layer;

/**
 * ONNX in and out of the network graph. {@link org.prunelab.nn.onnx.OnnxImporter} reads opsets 11
 * to 21 (files of {@code torch.onnx.export}, TorchScript or dynamo) operator by operator into a
 * PruneLab network, folding shape arithmetic at import time and refusing what does not map exactly
 * with an {@link org.prunelab.nn.onnx.OnnxImportException} that names the node
 * (docs/adr/0004-onnx-import.md); the package-private mappers ({@code SpatialMapper}, {@code
 * DenseMapper}, {@code StructureMapper}, {@code ConstantFolder}) each own a set of operators, and
 * the graph is planned in Java memory ({@code PlannedGraph}) before any native parameter is made.
 * {@link org.prunelab.nn.onnx.OnnxExporter} writes any network (original, imported, pruned or
 * factored) as opset 13 to 18 with PruneLab's node and parameter names, one {@code LayerExport}
 * branch per layer type; {@link org.prunelab.nn.onnx.OnnxVerifier} runs a network and its file in
 * ONNX Runtime on the same inputs and compares the outputs.
 *
 * <p>May use {@code nn}, {@code nn.layer}, {@code error}, DJL, the generated ONNX protobuf classes
 * ({@code ai.onnx.proto.OnnxMl} from tribuo-util-onnx) and ONNX Runtime (verification only).
 */
package org.prunelab.nn.onnx;

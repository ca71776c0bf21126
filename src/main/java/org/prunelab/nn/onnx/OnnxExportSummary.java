package org.prunelab.nn.onnx;

import java.nio.file.Path;

/**
 * What {@link OnnxExporter#export} wrote.
 *
 * @param file the ONNX file
 * @param opset operator set version of the default domain
 * @param nodes ONNX nodes in the graph (a PruneLab node may need several, e.g. SiLU = Sigmoid and
 *     Mul)
 * @param initializers constant tensors: the network's parameters and buffers plus shapes, pads and
 *     clip bounds
 * @param bytes file size
 */
public record OnnxExportSummary(Path file, int opset, int nodes, int initializers, long bytes) {}

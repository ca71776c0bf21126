package org.prunelab.zoo;

import ai.djl.Device;
import java.nio.file.Files;
import java.nio.file.Path;
import org.prunelab.PruneLabException;
import org.prunelab.nn.Checkpoint;
import org.prunelab.nn.Network;
import org.prunelab.nn.onnx.OnnxImportOptions;
import org.prunelab.nn.onnx.OnnxImporter;

/**
 * Turns what a user typed after {@code --model} into a network: a built-in architecture name (fresh, seeded
 * weights), the path of a PruneLab model file, or the path of an ONNX file ({@code .onnx}, imported).
 */
public final class ModelResolver {
  private ModelResolver() {}

  public static Network open(String spec, ZooOptions options, Device device, long seed) {
    if (Zoo.contains(spec)) {
      return Zoo.create(spec, options, device, seed);
    }
    Path file = Path.of(spec);
    if (Files.isRegularFile(file)) {
      return file.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".onnx")
          ? OnnxImporter.load(file, OnnxImportOptions.on(device))
          : Checkpoint.load(file, device);
    }
    throw new PruneLabException("'" + spec + "' is neither a built-in model (" + String.join(", ", Zoo.names())
        + ") nor an existing model file");
  }
}

package org.prunelab.zoo;

import ai.djl.Device;
import ai.djl.ndarray.types.Shape;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.prunelab.error.PruneLabException;
import org.prunelab.nn.Checkpoint;
import org.prunelab.nn.Network;
import org.prunelab.nn.onnx.OnnxImportOptions;
import org.prunelab.nn.onnx.OnnxImporter;

/**
 * Turns what a user typed after {@code --model} into a network: a built-in architecture name
 * (fresh, seeded weights), the path of a PruneLab model file, or the path of an ONNX file ({@code
 * .onnx}, imported).
 */
public final class ModelResolver {
  private ModelResolver() {}

  /** Opens a model; ONNX files take their sample shape from the file. */
  public static Network open(String spec, ZooOptions options, Device device, long seed) {
    return open(spec, options, null, device, seed);
  }

  /**
   * Opens a model; an ONNX file whose input has symbolic sample dimensions is imported with {@code
   * onnxInputShape} (one sample without the batch axis, e.g. (1, 28, 28); null to take the shape
   * from the file).
   *
   * @throws PruneLabException when the spec is neither a built-in name nor an existing file, or
   *     when a sample shape is given for something other than an ONNX file (zoo models take theirs
   *     from {@code options}, PruneLab files store theirs)
   */
  public static Network open(
      String spec, ZooOptions options, Shape onnxInputShape, Device device, long seed) {
    if (onnxInputShape != null && !isOnnx(spec)) {
      throw new PruneLabException(
          "an ONNX input shape "
              + onnxInputShape
              + " was given for '"
              + spec
              + "', which is "
              + "not an ONNX file; leave it out (the CLI's --input-shape): a built-in model takes its input shape from "
              + "the zoo options (--input), a PruneLab file stores its own");
    }
    if (Zoo.contains(spec)) {
      return Zoo.create(spec, options, device, seed);
    }
    Path file = Path.of(spec);
    if (Files.isRegularFile(file)) {
      return isOnnx(spec)
          ? OnnxImporter.load(file, new OnnxImportOptions(device, onnxInputShape))
          : Checkpoint.load(file, device);
    }
    throw new PruneLabException(
        "'"
            + spec
            + "' is neither a built-in model ("
            + String.join(", ", Zoo.names())
            + ") nor an existing model file");
  }

  /** Whether the spec names an ONNX file (by its extension {@code .onnx}, any case). */
  public static boolean isOnnx(String spec) {
    return spec.toLowerCase(Locale.ROOT).endsWith(".onnx");
  }
}

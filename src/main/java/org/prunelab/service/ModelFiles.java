package org.prunelab.service;

import ai.djl.ndarray.types.Shape;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import org.prunelab.data.ImageDataset;
import org.prunelab.error.PruneLabException;
import org.prunelab.nn.AtomicFiles;
import org.prunelab.nn.Checkpoint;
import org.prunelab.nn.Devices;
import org.prunelab.nn.Network;
import org.prunelab.nn.onnx.OnnxExportOptions;
import org.prunelab.nn.onnx.OnnxExporter;
import org.prunelab.zoo.ModelResolver;
import org.prunelab.zoo.ZooOptions;

/**
 * Writes a network, original or compressed, in the format its file name asks for: {@code .onnx}
 * (standard ONNX at the default opset, runs in ONNX Runtime) or {@code .plm} (PruneLab's own
 * checkpoint, reloads bit-identically).
 */
public final class ModelFiles {
  private ModelFiles() {}

  /**
   * Opens the model file {@code file} (.plm or .onnx) as a network for {@code model}'s data: a file
   * that needs a zoo shape takes the shape and classes of the model's test images. The caller
   * closes it; engine work, call it inside a job.
   *
   * @throws PruneLabException when the file cannot be opened or does not read the model's images
   */
  public static Network openFor(LoadedModel model, Path file) {
    ImageDataset test = model.data().test();
    Network network =
        ModelResolver.open(
            file.toString(),
            new ZooOptions(test.channels(), test.height(), test.width(), test.numClasses(), 1.0),
            Devices.preferred(),
            0);
    if (!network.inputShape().equals(model.network().inputShape())
        || !network.outputShape().equals(model.network().outputShape())) {
      Shape in = network.inputShape();
      Shape out = network.outputShape();
      network.close();
      throw new PruneLabException(
          file
              + " reads "
              + in
              + " and writes "
              + out
              + ", but the opened model reads "
              + model.network().inputShape()
              + " and writes "
              + model.network().outputShape()
              + "; pick a pruned version of the opened model");
    }
    return network;
  }

  /**
   * Writes {@code network} to {@code file}.
   *
   * @throws PruneLabException when the name has neither extension, or writing fails
   */
  public static Path write(Network network, Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    if (name.endsWith(Checkpoint.EXTENSION)) {
      Checkpoint.save(network, file);
    } else if (name.endsWith(".onnx")) {
      OnnxExporter.export(network, file, OnnxExportOptions.defaults());
    } else {
      throw new PruneLabException(
          "cannot write "
              + file
              + ": name the output file *.onnx (standard ONNX) or *"
              + Checkpoint.EXTENSION
              + " (PruneLab's own format)");
    }
    return file;
  }

  /**
   * Writes the network saved in the checkpoint {@code plm} to {@code file} in the format its name
   * asks for: a {@code .plm} is copied byte for byte (through a temporary file in the target's
   * folder, moved into place), an {@code .onnx} is exported from the network read back.
   *
   * @throws PruneLabException when the name has neither extension, the checkpoint cannot be read or
   *     writing fails
   */
  public static Path convert(Path plm, Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    if (!name.endsWith(Checkpoint.EXTENSION)) {
      try (Network network = Checkpoint.load(plm, Devices.preferred())) {
        return write(network, file);
      }
    }
    try {
      AtomicFiles.write(file, temp -> Files.copy(plm, temp, StandardCopyOption.REPLACE_EXISTING));
      return file;
    } catch (IOException e) {
      throw new PruneLabException(
          "cannot write " + file + " (" + e.getMessage() + "); choose a writable folder", e);
    }
  }
}

package org.prunelab.service;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import org.prunelab.error.PruneLabException;
import org.prunelab.nn.AtomicFiles;
import org.prunelab.nn.Checkpoint;
import org.prunelab.nn.Devices;
import org.prunelab.nn.Network;
import org.prunelab.nn.onnx.OnnxExportOptions;
import org.prunelab.nn.onnx.OnnxExporter;

/**
 * Writes a network, original or compressed, in the format its file name asks for: {@code .onnx}
 * (standard ONNX at the default opset, runs in ONNX Runtime) or {@code .plm} (PruneLab's own
 * checkpoint, reloads bit-identically).
 */
public final class ModelFiles {
  private ModelFiles() {}

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

package org.prunelab.service;

import java.nio.file.Path;
import java.util.Locale;
import org.prunelab.error.PruneLabException;
import org.prunelab.nn.Checkpoint;
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
}

package org.prunelab.cli;

import java.nio.file.Path;
import org.prunelab.error.PruneLabException;
import org.prunelab.nn.Checkpoint;
import org.prunelab.nn.Network;
import org.prunelab.nn.onnx.OnnxExportOptions;
import org.prunelab.nn.onnx.OnnxExporter;

/** Writes a compressed network in the format its file name asks for. */
final class PrunedModelFiles {
  private PrunedModelFiles() {}

  static void write(Network network, Path file) {
    String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
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
  }
}

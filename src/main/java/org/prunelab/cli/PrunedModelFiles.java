package org.prunelab.cli;

import java.nio.file.Path;
import org.prunelab.PruneLabException;
import org.prunelab.nn.Checkpoint;
import org.prunelab.nn.Network;

/** Writes a compressed network in the format its file name asks for. */
final class PrunedModelFiles {
  private PrunedModelFiles() {}

  static void write(Network network, Path file) {
    String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
    if (name.endsWith(Checkpoint.EXTENSION)) {
      Checkpoint.save(network, file);
    } else {
      throw new PruneLabException("cannot write " + file + ": name the output file *" + Checkpoint.EXTENSION);
    }
  }
}

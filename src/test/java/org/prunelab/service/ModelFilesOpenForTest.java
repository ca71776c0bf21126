package org.prunelab.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.djl.Device;
import ai.djl.ndarray.types.Shape;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.prunelab.error.PruneLabException;
import org.prunelab.job.JobContext;
import org.prunelab.nn.Checkpoint;
import org.prunelab.nn.Network;
import org.prunelab.nn.NetworkBuilder;
import org.prunelab.nn.layer.Flatten;
import org.prunelab.nn.layer.Linear;

/**
 * A pruned model file opened for the workbench's model: the model's own file opens with the same
 * shapes; a network for 3 x 32 x 32 images is refused naming both shapes.
 */
class ModelFilesOpenForTest {
  private static final Path LENET = Path.of("assets/models/lenet5-fashion-mnist.plm");
  @TempDir Path dir;

  /** A linear classifier of 3 x 32 x 32 images, saved as a .plm. */
  private Path cifarFile() {
    NetworkBuilder b = Network.builder(new Shape(3, 32, 32));
    b.add("flat", new Flatten(), Network.INPUT);
    b.add("fc", new Linear(3 * 32 * 32, 10, true), "flat");
    Path file = dir.resolve("cifar.plm");
    try (Network net = b.build(Device.cpu(), 3)) {
      Checkpoint.save(net, file);
    }
    return file;
  }

  @Test
  void aFileOfAnotherShapeIsRefusedNamingBothShapes() {
    assumeTrue(Files.isDirectory(Path.of("/usr/share/datasets/fashion-mnist")), "no Fashion-MNIST");
    LoadedModel model = ModelLoader.load(LENET.toString(), "fashion-mnist", JobContext.silent());
    try (Network same = ModelFiles.openFor(model, LENET)) {
      assertEquals(model.network().parameterCount(), same.parameterCount());
      Path cifar = cifarFile();
      PruneLabException e =
          assertThrows(PruneLabException.class, () -> ModelFiles.openFor(model, cifar));
      assertTrue(e.getMessage().contains("(3, 32, 32)"), e.getMessage());
      assertTrue(e.getMessage().contains("(1, 28, 28)"), e.getMessage());
      assertTrue(
          e.getMessage().contains("pick a pruned version of the opened model"), e.getMessage());
    } finally {
      model.network().close();
    }
  }
}

package org.prunelab.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.prunelab.data.Normalization;
import org.prunelab.nn.ModelFileException;
import org.prunelab.nn.Network;
import org.prunelab.zoo.Zoo;
import org.prunelab.zoo.ZooOptions;

/** The normalisation a model carries in its metadata: stored, read back, and damaged entries. */
class InputNormalizationTest {

  @Test
  void storedNormalisationReadsBackAndDamagedEntriesAreAModelFileError() {
    try (Network net =
        Zoo.create("lenet-300-100", ZooOptions.grey28().withWidth(0.1), Device.cpu(), 0)) {
      assertEquals(Optional.empty(), InputNormalization.of(net));
      Normalization n = new Normalization(new float[] {0.25f}, new float[] {0.5f});
      InputNormalization.store(net, n);
      assertEquals(Optional.of(n), InputNormalization.of(net));

      net.metadata().put("input.mean", "abc");
      ModelFileException text =
          assertThrows(ModelFileException.class, () -> InputNormalization.of(net));
      assertTrue(
          text.getMessage().contains("input.mean = 'abc'")
              && text.getMessage().contains("remove both entries"),
          text.getMessage());

      net.metadata().put("input.mean", "0.25");
      net.metadata().put("input.std", "0");
      ModelFileException zero =
          assertThrows(ModelFileException.class, () -> InputNormalization.of(net));
      assertTrue(zero.getMessage().contains("std of channel 0"), zero.getMessage());
    }
  }
}

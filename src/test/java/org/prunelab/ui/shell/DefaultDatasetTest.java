package org.prunelab.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.prunelab.data.DatasetLocator;
import org.prunelab.data.Datasets;
import org.prunelab.ui.DatasetLabels;

/**
 * The workbench opens with Fashion-MNIST where it is installed and with the labelled synthetic set
 * elsewhere.
 */
class DefaultDatasetTest {
  @TempDir Path empty;

  @Test
  void fallsBackToTheLabelledSyntheticSetWhenFashionMnistIsMissing() {
    DatasetLocator nowhere = new DatasetLocator(Optional.empty(), empty, empty.resolve("system"));
    assertEquals(Datasets.SYNTHETIC, Workbench.defaultDataset(nowhere));
    assertEquals("synthetic (built-in)", DatasetLabels.of(Workbench.defaultDataset(nowhere)));
  }

  @Test
  void takesFashionMnistWhereItIsInstalled() {
    DatasetLocator system = new DatasetLocator(Optional.empty(), empty, DatasetLocator.SYSTEM_ROOT);
    assertEquals("fashion-mnist", Workbench.defaultDataset(system));
    assertEquals("fashion-mnist", DatasetLabels.of("fashion-mnist"));
  }
}

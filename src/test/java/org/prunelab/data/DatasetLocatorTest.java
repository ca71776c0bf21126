package org.prunelab.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetLocatorTest {

  @TempDir Path dir;

  private Path fashionFolder(Path root) throws IOException {
    Path folder = root.resolve("fashion-mnist");
    Files.createDirectories(folder);
    for (String f :
        new String[] {
          "train-images-idx3-ubyte.gz",
          "train-labels-idx1-ubyte.gz",
          "t10k-images-idx3-ubyte",
          "t10k-labels-idx1-ubyte.gz"
        }) {
      Files.write(folder.resolve(f), new byte[] {0});
    }
    return folder;
  }

  @Test
  void searchesEnvThenHomeThenSystem() throws IOException {
    Path env = dir.resolve("env");
    Path home = dir.resolve("home");
    Path system = dir.resolve("system");
    Path inSystem = fashionFolder(system);
    DatasetLocator locator = new DatasetLocator(Optional.of(env), home, system);
    assertEquals(inSystem, locator.locate("fashion-mnist", Optional.empty()));
    Path inHome = fashionFolder(home.resolve(".prunelab/datasets"));
    assertEquals(inHome, locator.locate("fashion-mnist", Optional.empty()));
    Path inEnv = fashionFolder(env);
    assertEquals(inEnv, locator.locate("Fashion-MNIST", Optional.empty()));
  }

  @Test
  void explicitPathIsUsedAlone() throws IOException {
    Path system = dir.resolve("system");
    fashionFolder(system);
    DatasetLocator locator = new DatasetLocator(Optional.empty(), dir.resolve("home"), system);
    Path elsewhere = dir.resolve("elsewhere");
    DatasetException e =
        assertThrows(
            DatasetException.class, () -> locator.locate("fashion-mnist", Optional.of(elsewhere)));
    assertTrue(e.getMessage().contains(elsewhere + " (missing)"), e.getMessage());
    assertTrue(!e.getMessage().contains(system.toString()), e.getMessage());
    Path given = fashionFolder(dir.resolve("given"));
    assertEquals(given, locator.locate("fashion-mnist", Optional.of(given)));
  }

  @Test
  void missListsEveryPlaceSearchedAndTheFix() throws IOException {
    Path env = dir.resolve("env");
    Path home = dir.resolve("home");
    Path system = dir.resolve("system");
    Files.createDirectories(env.resolve("fashion-mnist"));
    Files.write(env.resolve("fashion-mnist/train-images-idx3-ubyte.gz"), new byte[] {0});
    DatasetLocator locator = new DatasetLocator(Optional.of(env), home, system);
    DatasetException e =
        assertThrows(
            DatasetException.class, () -> locator.locate("fashion-mnist", Optional.empty()));
    String m = e.getMessage();
    assertTrue(m.contains(env.resolve("fashion-mnist") + " (lacks train-labels-idx1-ubyte,"), m);
    assertTrue(m.contains(home.resolve(".prunelab/datasets/fashion-mnist") + " (missing)"), m);
    assertTrue(m.contains(system.resolve("fashion-mnist") + " (missing)"), m);
    assertTrue(m.contains("apt-get install dataset-fashion-mnist") && m.contains("--data PATH"), m);

    DatasetLocator noEnv = new DatasetLocator(Optional.empty(), home, system);
    String m2 =
        assertThrows(DatasetException.class, () -> noEnv.locate("cifar10", Optional.empty()))
            .getMessage();
    assertTrue(m2.contains("PRUNELAB_DATA is not set"), m2);
    assertTrue(m2.contains(system.resolve("cifar-10-batches-bin").toString()), m2);
  }

  @Test
  void unknownNameListsTheKnownOnes() {
    DatasetLocator locator = new DatasetLocator(Optional.empty(), dir, dir);
    String m =
        assertThrows(DatasetException.class, () -> locator.locate("imagenet", Optional.empty()))
            .getMessage();
    assertTrue(m.contains("imagenet") && m.contains("fashion-mnist, mnist, cifar10"), m);
  }
}

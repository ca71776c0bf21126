package org.prunelab.zoo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where the bundled models are looked for: the property, the working directory, the jar's app. */
class BundledModelsTest {
  @TempDir Path dir;

  private Path model(Path folder) throws IOException {
    Files.createDirectories(folder);
    return Files.writeString(folder.resolve(BundledModels.DEFAULT), "plm");
  }

  @Test
  void findsTheModelsOfAnAppImageBesideItsJar() throws IOException {
    // the jpackage app image: PruneLab/lib/app/prunelab.jar and PruneLab/lib/app/assets/models
    Path app = dir.resolve("PruneLab").resolve("lib").resolve("app");
    Path expected = model(app.resolve("assets").resolve("models"));
    Path home = Files.createDirectories(dir.resolve("home"));
    List<Path> roots = List.of(home, app, app.getParent(), app.getParent().getParent());
    assertEquals(Optional.of(expected), BundledModels.find(BundledModels.DEFAULT, null, roots));
  }

  @Test
  void theSystemPropertysFolderComesFirst() throws IOException {
    Path named = model(dir.resolve("elsewhere"));
    model(dir.resolve("assets").resolve("models"));
    assertEquals(
        Optional.of(named),
        BundledModels.find(BundledModels.DEFAULT, named.getParent().toString(), List.of(dir)));
    assertEquals(
        Optional.of(dir.resolve("assets").resolve("models").resolve(BundledModels.DEFAULT)),
        BundledModels.find(BundledModels.DEFAULT, " ", List.of(dir)));
  }

  @Test
  void aMissingModelIsEmpty() {
    assertTrue(BundledModels.find("none.plm", dir.toString(), List.of(dir)).isEmpty());
  }

  @Test
  void theRepositoryModelsAreFoundFromTheBuild() {
    assertTrue(BundledModels.roots().contains(Path.of("").toAbsolutePath()));
    assertTrue(BundledModels.find(BundledModels.DEFAULT).isPresent());
    assertTrue(BundledModels.find(BundledModels.LENET5).isPresent());
  }
}

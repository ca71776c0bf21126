package org.prunelab.zoo;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The trained models shipped in the repository's {@code assets/models/} (trained by PruneLab itself
 * on Fashion-MNIST, see the README there). They are looked up relative to the working directory and
 * to the folder of {@code prunelab.jar}, so both {@code java -jar target/prunelab.jar} and an
 * unpacked distribution find them.
 */
public final class BundledModels {
  /** The workbench's default model: the residual network. */
  public static final String DEFAULT = "resnet20-fashion-mnist.plm";

  /** The small convolutional model. */
  public static final String LENET5 = "lenet5-fashion-mnist.plm";

  private BundledModels() {}

  /** The path of a bundled model file, if it can be found. */
  public static Optional<Path> find(String fileName) {
    for (Path root : roots()) {
      Path candidate = root.resolve("assets").resolve("models").resolve(fileName);
      if (Files.isRegularFile(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  private static List<Path> roots() {
    List<Path> roots = new ArrayList<>();
    roots.add(Path.of("").toAbsolutePath());
    try {
      Path jar =
          Path.of(BundledModels.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      for (Path p = jar.getParent(); p != null; p = p.getParent()) {
        roots.add(p);
      }
    } catch (URISyntaxException | SecurityException e) {
      // no code source: only the working directory is searched
    }
    return roots;
  }
}

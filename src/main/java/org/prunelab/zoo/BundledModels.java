package org.prunelab.zoo;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The trained models shipped in the repository's {@code assets/models/} (trained by PruneLab itself
 * on Fashion-MNIST, see the README there). They are looked up, in this order, in the folder named
 * by the system property {@value #MODELS_PROPERTY} (when set), then in {@code assets/models/} under
 * the working directory and under the folder of {@code prunelab.jar} and each folder above it. So
 * {@code java -jar target/prunelab.jar}, an unpacked distribution and the installer's app image
 * (which holds {@code lib/app/prunelab.jar} beside {@code lib/app/assets/models/}) all find them.
 */
public final class BundledModels {
  /** The workbench's default model: the residual network. */
  public static final String DEFAULT = "resnet20-fashion-mnist.plm";

  /** The small convolutional model. */
  public static final String LENET5 = "lenet5-fashion-mnist.plm";

  /** System property naming a folder that holds the bundled model files; searched first. */
  public static final String MODELS_PROPERTY = "prunelab.models";

  private BundledModels() {}

  /** The path of a bundled model file, if it can be found. */
  public static Optional<Path> find(String fileName) {
    return find(fileName, System.getProperty(MODELS_PROPERTY), roots());
  }

  /**
   * The first of {@code modelsFolder/fileName} (when the folder is given) and {@code
   * root/assets/models/fileName} for each root in order that is a regular file.
   */
  static Optional<Path> find(String fileName, String modelsFolder, List<Path> roots) {
    List<Path> folders = new ArrayList<>();
    if (modelsFolder != null && !modelsFolder.isBlank()) {
      folders.add(Path.of(modelsFolder));
    }
    for (Path root : roots) {
      folders.add(root.resolve("assets").resolve("models"));
    }
    for (Path folder : folders) {
      Path candidate = folder.resolve(fileName);
      if (Files.isRegularFile(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  /**
   * The working directory, then the folder of the jar (or classes folder) and every one above it.
   */
  static List<Path> roots() {
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

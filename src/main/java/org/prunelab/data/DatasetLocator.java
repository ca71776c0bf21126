package org.prunelab.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Finds the folder that holds a dataset's files. An explicit path, when given, is the only place
 * looked at. Otherwise the roots are tried in order: {@code $PRUNELAB_DATA/<folder>}, {@code
 * ~/.prunelab/datasets/<folder>}, {@code /usr/share/datasets/<folder>} (where Debian's dataset
 * packages install), with {@code <folder>} being {@code fashion-mnist}, {@code mnist} or {@code
 * cifar-10-batches-bin}. A folder counts only if it holds every file of the dataset (each plain or
 * gzipped).
 */
public final class DatasetLocator {

  /** Environment variable naming a folder of datasets. */
  public static final String ENV = "PRUNELAB_DATA";

  /** Debian's shared datasets folder. */
  public static final Path SYSTEM_ROOT = Path.of("/usr/share/datasets");

  private final Optional<Path> envRoot;
  private final Path home;
  private final Path systemRoot;

  /**
   * Creates a locator over the given roots (injectable for tests).
   *
   * @param envRoot value of {@code $PRUNELAB_DATA}, empty when it is not set
   * @param home the user's home folder; {@code .prunelab/datasets} under it is searched
   * @param systemRoot the system datasets folder, normally {@link #SYSTEM_ROOT}
   */
  public DatasetLocator(Optional<Path> envRoot, Path home, Path systemRoot) {
    this.envRoot = Objects.requireNonNull(envRoot, "envRoot");
    this.home = Objects.requireNonNull(home, "home");
    this.systemRoot = Objects.requireNonNull(systemRoot, "systemRoot");
  }

  /**
   * A locator over this process's {@code $PRUNELAB_DATA}, {@code user.home} and {@link
   * #SYSTEM_ROOT}.
   */
  public static DatasetLocator standard() {
    String env = System.getenv(ENV);
    Optional<Path> envRoot =
        env == null || env.isBlank() ? Optional.empty() : Optional.of(Path.of(env));
    return new DatasetLocator(envRoot, Path.of(System.getProperty("user.home")), SYSTEM_ROOT);
  }

  /**
   * The folder holding dataset {@code name} ({@code fashion-mnist}, {@code mnist} or {@code
   * cifar10}).
   *
   * @param explicitPath a folder given by the user; when present it is the only place looked at
   * @throws DatasetException if the name is unknown or no searched place holds the dataset; the
   *     message lists every place searched, why each failed, and how to install the dataset or
   *     point at it
   */
  public Path locate(String name, Optional<Path> explicitPath) {
    DatasetKind kind = DatasetKind.byName(name);
    List<String> searched = new ArrayList<>();
    List<Path> candidates = new ArrayList<>();
    if (explicitPath.isPresent()) {
      candidates.add(explicitPath.get());
    } else {
      envRoot.ifPresentOrElse(
          root -> candidates.add(root.resolve(kind.folder)),
          () -> searched.add("$" + ENV + "/" + kind.folder + " (" + ENV + " is not set)"));
      candidates.add(home.resolve(".prunelab").resolve("datasets").resolve(kind.folder));
      candidates.add(systemRoot.resolve(kind.folder));
    }
    for (Path candidate : candidates) {
      Optional<String> problem = problem(candidate, kind);
      if (problem.isEmpty()) {
        return candidate;
      }
      searched.add(candidate + " (" + problem.get() + ")");
    }
    String files = String.join(", ", kind.files);
    String fix =
        explicitPath.isPresent()
            ? "point --data at a folder that holds " + files
            : kind.installHint + ", or pass --data PATH naming a folder that holds " + files;
    throw new DatasetException(
        "Dataset '"
            + kind.id
            + "' was not found. Searched, in order:\n  "
            + String.join("\n  ", searched)
            + "\nFix: "
            + fix
            + " (each file may also be gzipped, ending in .gz)");
  }

  private static Optional<String> problem(Path folder, DatasetKind kind) {
    if (!Files.exists(folder)) {
      return Optional.of("missing");
    }
    if (!Files.isDirectory(folder)) {
      return Optional.of("not a folder");
    }
    List<String> missing =
        kind.files.stream().filter(f -> DataFiles.find(folder, f).isEmpty()).toList();
    return missing.isEmpty()
        ? Optional.empty()
        : Optional.of("lacks " + String.join(", ", missing));
  }
}

package org.prunelab.data;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The on-disk datasets PruneLab reads: the name users type, the folder it lives in, the files that
 * folder must hold, how to read its official train and test splits, and how to install or repair
 * it.
 */
enum DatasetKind {
  FASHION_MNIST(
      "fashion-mnist",
      "fashion-mnist",
      Idx.FILES,
      "install it with `apt-get install dataset-fashion-mnist`",
      "re-install with `apt-get install --reinstall dataset-fashion-mnist`") {
    @Override
    Official readOfficial(Path folder) {
      return Idx.read(folder, id, Idx.FASHION_CLASSES);
    }
  },
  MNIST(
      "mnist",
      "mnist",
      Idx.FILES,
      "download the four MNIST IDX files into ~/.prunelab/datasets/mnist",
      "download the MNIST IDX files again") {
    @Override
    Official readOfficial(Path folder) {
      return Idx.read(folder, id, Idx.DIGITS);
    }
  },
  CIFAR10(
      "cifar10",
      "cifar-10-batches-bin",
      List.of(
          "data_batch_1.bin",
          "data_batch_2.bin",
          "data_batch_3.bin",
          "data_batch_4.bin",
          "data_batch_5.bin",
          "test_batch.bin"),
      "extract cifar-10-binary.tar.gz (the binary version of CIFAR-10) into ~/.prunelab/datasets",
      "extract cifar-10-binary.tar.gz again") {
    @Override
    Official readOfficial(Path folder) {
      List<Path> train =
          files.subList(0, 5).stream().map(f -> DataFiles.require(folder, f)).toList();
      return new Official(
          Cifar10BinaryReader.read(id, train),
          Cifar10BinaryReader.read(id, List.of(DataFiles.require(folder, files.get(5)))));
    }
  };

  /** The name users type. */
  final String id;

  /** The folder name searched for under each dataset root. */
  final String folder;

  /** Files the folder must hold, each plain or with a {@code .gz} suffix. */
  final List<String> files;

  /** How to install the dataset when it is missing. */
  final String installHint;

  /** How to repair the dataset when a file is malformed. */
  final String repairHint;

  DatasetKind(String id, String folder, List<String> files, String installHint, String repairHint) {
    this.id = id;
    this.folder = folder;
    this.files = files;
    this.installHint = installHint;
    this.repairHint = repairHint;
  }

  /** The official train and test splits of a dataset. */
  record Official(ImageDataset train, ImageDataset test) {}

  /**
   * Reads the official train and test splits from {@code folder}, which holds every file in {@link
   * #files}.
   */
  abstract Official readOfficial(Path folder);

  /** The kind called {@code name} (or stored in a folder called {@code name}), ignoring case. */
  static DatasetKind byName(String name) {
    String key = name.trim().toLowerCase(Locale.ROOT);
    return Arrays.stream(values())
        .filter(k -> k.id.equals(key) || k.folder.equals(key))
        .findFirst()
        .orElseThrow(
            () ->
                new DatasetException(
                    "Unknown dataset '"
                        + name
                        + "'; PruneLab reads "
                        + Arrays.stream(values())
                            .map(k -> k.id)
                            .collect(Collectors.joining(", "))));
  }

  /** IDX file names and class names shared by MNIST and Fashion-MNIST. */
  private static final class Idx {
    static final List<String> FILES =
        List.of(
            "train-images-idx3-ubyte",
            "train-labels-idx1-ubyte",
            "t10k-images-idx3-ubyte",
            "t10k-labels-idx1-ubyte");
    static final List<String> FASHION_CLASSES =
        List.of(
            "T-shirt/top",
            "Trouser",
            "Pullover",
            "Dress",
            "Coat",
            "Sandal",
            "Shirt",
            "Sneaker",
            "Bag",
            "Ankle boot");
    static final List<String> DIGITS = List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");

    static Official read(Path folder, String name, List<String> classes) {
      return new Official(
          IdxReader.read(
              DataFiles.require(folder, FILES.get(0)),
              DataFiles.require(folder, FILES.get(1)),
              name,
              classes),
          IdxReader.read(
              DataFiles.require(folder, FILES.get(2)),
              DataFiles.require(folder, FILES.get(3)),
              name,
              classes));
    }
  }
}

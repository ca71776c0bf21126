package org.prunelab.chart;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.prunelab.data.Datasets;
import org.prunelab.data.ImageDataset;
import org.prunelab.data.SplitOptions;
import org.prunelab.data.corrupt.Corruptions;

/**
 * Writes {@code docs/images/corruption-gallery.png}: every corruption at severities 1-5 on two
 * Fashion-MNIST test images (an ankle boot and a trouser, test indices 0 and 2), seed 1, pixels
 * enlarged 3 times. Run from the repository root with the test classpath: {@code java -cp
 * target/classes:target/test-classes:<deps> org.prunelab.chart.RenderCorruptionGallery
 * [fashion-mnist folder] [output png]}.
 */
final class RenderCorruptionGallery {

  private RenderCorruptionGallery() {}

  public static void main(String[] args) {
    Path folder = Path.of(args.length > 0 ? args[0] : "/usr/share/datasets/fashion-mnist");
    Path png = Path.of(args.length > 1 ? args[1] : "docs/images/corruption-gallery.png");
    ImageDataset test =
        Datasets.load("fashion-mnist", Optional.of(folder), new SplitOptions(0, 0, 1)).test();
    new CorruptionGallery(
            test.subset(new int[] {0, 2}), Corruptions.all(), List.of(1, 2, 3, 4, 5), 1, 3)
        .write(png);
  }
}

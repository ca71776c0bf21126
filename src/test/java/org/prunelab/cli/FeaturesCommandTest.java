package org.prunelab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code prunelab features} on the bundled LeNet-5 and Fashion-MNIST with coarse 7 x 7 features (16
 * per image, so backward selection is quick): the table, the figure, and bad requests as one-line
 * errors that write nothing.
 */
class FeaturesCommandTest {
  private static final String LENET = "assets/models/lenet5-fashion-mnist.plm";
  @TempDir Path dir;

  private static boolean fashionMnist() {
    return Files.isDirectory(Path.of("/usr/share/datasets/fashion-mnist"));
  }

  @Test
  void aModelAgainstItsOwnFileHasIdenticalSubsets() throws Exception {
    assumeTrue(fashionMnist(), "Fashion-MNIST not installed");
    Path out = dir.resolve("sis.png");
    CliTest.Run run =
        CliTest.cli(
            "features",
            "--model",
            LENET,
            "--dataset",
            "fashion-mnist",
            "--pruned",
            LENET,
            "--images",
            "0,1",
            "--patch",
            "7",
            "--out",
            out.toString());
    assertEquals(0, run.status(), run.err());
    List<String> lines = run.out().strip().lines().toList();
    assertEquals("image | label | unpruned | pruned | SIS overlap", lines.get(0));
    // the same network on both sides: same decision, same SIS, overlap exactly 1
    for (String line : lines.subList(1, 3)) {
      String[] cells = line.split(" \\| ");
      assertEquals(cells[2], cells[3], line);
      assertEquals("1.000", cells[4], line);
    }
    assertTrue(lines.get(1).startsWith("0 | Ankle boot | Ankle boot"), lines.get(1));
    BufferedImage figure = ImageIO.read(out.toFile());
    // five 168-pixel tiles (28 x 6) with 4-pixel gaps and 8-pixel margins
    assertEquals(2 * 8 + 5 * 168 + 4 * 4, figure.getWidth());
  }

  @Test
  void prunedOnTheFlyRunsAndReportsEachImage() throws Exception {
    assumeTrue(fashionMnist(), "Fashion-MNIST not installed");
    Path out = dir.resolve("wt.png");
    CliTest.Run run =
        CliTest.cli(
            "features",
            "--model",
            LENET,
            "--dataset",
            "fashion-mnist",
            "--method",
            "wt",
            "--keep",
            "0.1",
            "--images",
            "3",
            "--patch",
            "7",
            "--out",
            out.toString());
    assertEquals(0, run.status(), run.err());
    assertTrue(run.out().contains("\n3 | "), run.out());
    assertTrue(Files.size(out) > 1000);
  }

  @Test
  void badRequestsAreOneLineErrorsAndWriteNothing() {
    Path out = dir.resolve("never.png");
    for (String[] bad :
        new String[][] {
          {"--threshold", "1.5", "features.threshold 1.5 must lie in (0, 1)"},
          {"--patch", "0", "features.patch 0 is outside 1..16"},
          {"--images", "70000", "--images: there is no test image 70000"},
          {"--keep", "0", "keep ratio 0.0 is outside (0, 1]"}
        }) {
      if (bad[0].equals("--images") || bad[0].equals("--keep")) {
        assumeTrue(fashionMnist(), "Fashion-MNIST not installed");
      }
      List<String> args =
          new ArrayList<>(
              List.of(
                  "features",
                  "--model",
                  LENET,
                  "--dataset",
                  "fashion-mnist",
                  "--method",
                  "pfp",
                  "--out",
                  out.toString()));
      args.addAll(List.of(bad).subList(0, bad.length - 1));
      CliTest.Run run = CliTest.cli(args.toArray(String[]::new));
      assertEquals(PruneLabCli.USER_ERROR, run.status(), run.out() + run.err());
      assertTrue(run.err().startsWith("error: "), run.err());
      assertTrue(run.err().contains(bad[bad.length - 1]), run.err());
      assertFalse(Files.exists(out));
    }
    CliTest.Run both =
        CliTest.cli(
            "features",
            "--model",
            LENET,
            "--method",
            "pfp",
            "--pruned",
            LENET,
            "--out",
            out.toString());
    assertEquals(PruneLabCli.USER_ERROR, both.status(), both.err());
    assertTrue(both.err().contains("mutually exclusive"), both.err());
  }
}

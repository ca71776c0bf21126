package org.prunelab.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.prunelab.data.ImageDataset;
import org.prunelab.data.corrupt.CorruptedDataset;
import org.prunelab.data.corrupt.Corruption;
import org.prunelab.data.corrupt.CorruptionException;
import org.prunelab.data.corrupt.Corruptions;

class CorruptionGalleryTest {

  /** Two 1 x 6 x 5 grey images: a horizontal ramp and its reverse. */
  private static ImageDataset ramps() {
    byte[] pixels = new byte[2 * 30];
    for (int k = 0; k < 30; k++) {
      pixels[k] = (byte) (40 * (k % 5) + 20);
      pixels[30 + k] = (byte) (200 - 40 * (k % 5));
    }
    return new ImageDataset("ramps", pixels, new int[] {0, 1}, 1, 6, 5, List.of("a", "b"));
  }

  @Test
  void tilesAreTheCorruptedImagesEnlargedPixelByPixel() {
    ImageDataset images = ramps();
    List<Corruption> rows = List.of(Corruption.CONTRAST, Corruption.FOG);
    BufferedImage gallery = new CorruptionGallery(images, rows, List.of(1, 5), 9, 4).render();
    // layout: margin 8, labels 110, per image 3 tiles of 20 px with 2 px gaps, 12 px between images
    assertEquals(8 + 110 + 2 * (3 * 20 + 2 * 2) + 12 + 8, gallery.getWidth());
    // header 20, two families (digital, weather) of 18 px, two rows of 24 + 2 px
    assertEquals(8 + 20 + 2 * 18 + 2 * (24 + 2) + 8, gallery.getHeight());

    int left = 8 + 110;
    int blockWidth = 3 * 20 + 2 * 2;
    int top = 8 + 20;
    for (int row = 0; row < 2; row++) {
      int y0 = top + (row + 1) * 18 + row * (24 + 2);
      for (int i = 0; i < 2; i++) {
        for (int col = 0; col < 3; col++) {
          float[] want = new float[30];
          if (col == 0) {
            images.copyImage(i, want, 0);
          } else {
            want = CorruptedDataset.image(images, i, rows.get(row), col == 1 ? 1 : 5, 9);
          }
          int x0 = left + i * (blockWidth + 12) + col * 22;
          for (int k = 0; k < 30; k++) {
            int level = Math.round(want[k] * 255);
            int rgb = (level << 16) | (level << 8) | level;
            for (int d = 0; d < 4; d++) {
              int px = x0 + (k % 5) * 4 + d;
              int py = y0 + (k / 5) * 4 + (3 - d);
              assertEquals(
                  rgb,
                  gallery.getRGB(px, py) & 0xffffff,
                  rows.get(row) + " image " + i + " column " + col + " pixel " + k);
            }
          }
        }
      }
    }
  }

  @Test
  void writesAPngOfEveryCorruption(@TempDir Path dir) throws Exception {
    Path png = dir.resolve("sub/gallery.png");
    new CorruptionGallery(ramps(), Corruptions.all(), List.of(1, 2, 3, 4, 5), 1, 2).write(png);
    BufferedImage back = ImageIO.read(png.toFile());
    assertEquals(8 + 110 + 2 * (6 * 10 + 5 * 2) + 12 + 8, back.getWidth());
    assertEquals(8 + 20 + 5 * 18 + 27 * (12 + 2) + 8, back.getHeight());
    assertTrue(Files.size(png) < 1_000_000);
  }

  @Test
  void refusesEmptyGalleriesAndBadSeverities() {
    assertThrows(
        IllegalArgumentException.class,
        () -> new CorruptionGallery(ramps(), List.of(), List.of(1), 0, 3));
    assertThrows(
        CorruptionException.class,
        () -> new CorruptionGallery(ramps(), List.of(Corruption.FOG), List.of(0, 1), 0, 3));
    assertThrows(
        IllegalArgumentException.class,
        () -> new CorruptionGallery(ramps(), List.of(Corruption.FOG), List.of(1), 0, 0));
  }
}

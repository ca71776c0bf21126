package org.prunelab.data.corrupt;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.prunelab.data.ImageDataset;
import org.prunelab.data.Randomness;
import org.prunelab.error.PruneLabException;

/** Corrupted copies of datasets, name lookup and the errors users see. */
class CorruptedDatasetTest {

  @Test
  void corruptsEveryImageByItsIndexAndKeepsTheLabels() {
    ImageDataset clean = smallSet(12);
    ImageDataset fog = CorruptedDataset.of(clean, Corruption.FOG, 3, 42);
    assertEquals("small [fog 3]", fog.name());
    assertArrayEquals(clean.labels(), fog.labels());
    assertEquals(clean.classNames(), fog.classNames());
    float[] got = new float[fog.imageSize()];
    for (int i = 0; i < clean.size(); i++) {
      fog.copyImage(i, got, 0);
      float[] want = CorruptedDataset.image(clean, i, Corruption.FOG, 3, 42);
      assertArrayEquals(
          want, got, 0.5f / 255 + 1e-6f, "image " + i + " is stored to the nearest 8-bit level");
    }
    // the documented seeding: image i draws from Random(mix(seed, i)), whatever thread corrupts it
    float[] seven = new float[clean.imageSize()];
    clean.copyImage(7, seven, 0);
    assertArrayEquals(
        Corruption.FOG.apply(seven, 1, 28, 28, 3, new Random(Randomness.mix(42, 7))),
        CorruptedDataset.image(clean, 7, Corruption.FOG, 3, 42),
        0f);
  }

  @Test
  void theSameSeedGivesTheSameDatasetAndAnotherSeedAnother() {
    ImageDataset clean = smallSet(6);
    float[] a = pixels(CorruptedDataset.of(clean, Corruption.GAUSSIAN_NOISE, 2, 1));
    assertArrayEquals(a, pixels(CorruptedDataset.of(clean, Corruption.GAUSSIAN_NOISE, 2, 1)), 0f);
    assertTrue(
        pixelDistance(a, pixels(CorruptedDataset.of(clean, Corruption.GAUSSIAN_NOISE, 2, 2))) > 0);
  }

  @Test
  void namesAreFoundIgnoringCaseAndSeparators() {
    assertSame(Corruption.MOTION_BLUR, Corruptions.byName("Motion Blur"));
    assertSame(Corruption.MOTION_BLUR, Corruptions.byName("motion-blur"));
    assertSame(Corruption.DOTTED_LINE, Corruptions.byName(" dotted_line "));
    assertSame(Corruption.JPEG, Corruptions.byName("jpeg_compression"));
    assertSame(Corruption.ELASTIC, Corruptions.byName("elastic_transform"));
    assertEquals(27, Corruptions.all().size());
    for (Corruption c : Corruptions.all()) {
      assertSame(c, Corruptions.byName(c.id()));
      assertTrue(c.id().matches("[a-z_]+"), c.id());
    }
    CorruptionException e =
        assertThrows(CorruptionException.class, () -> Corruptions.byName("rain"));
    assertTrue(
        e.getMessage().contains("'rain'") && e.getMessage().contains("gaussian_noise, shot_noise"),
        e.getMessage());
  }

  @Test
  void badSeveritiesShapesAndChannelsAreRefusedWithTheWayOut() {
    float[] img = new float[4];
    for (int severity : new int[] {0, 6}) {
      PruneLabException e =
          assertThrows(
              CorruptionException.class,
              () -> Corruption.FOG.apply(img, 1, 2, 2, severity, new Random(0)));
      assertEquals("severity must be 1..5 (1 mild, 5 strong), got " + severity, e.getMessage());
      assertThrows(
          CorruptionException.class,
          () -> CorruptedDataset.of(smallSet(2), Corruption.FOG, severity, 0));
    }
    CorruptionException channels =
        assertThrows(
            CorruptionException.class,
            () -> Corruption.FOG.apply(new float[8], 2, 2, 2, 1, new Random(0)));
    assertTrue(channels.getMessage().contains("got 2 channels"), channels.getMessage());
    CorruptionException size =
        assertThrows(
            CorruptionException.class,
            () -> Corruption.FOG.apply(new float[5], 1, 2, 2, 1, new Random(0)));
    assertEquals("fog: an image of 1x2x2 needs 4 values, got 5", size.getMessage());
  }

  /** {@code n} grey 28 x 28 test images with labels 0, 1, 0, ... */
  static ImageDataset smallSet(int n) {
    List<float[]> images = TestImages.grey(n);
    byte[] pixels = new byte[n * 28 * 28];
    int[] labels = new int[n];
    for (int i = 0; i < n; i++) {
      for (int k = 0; k < 28 * 28; k++) {
        pixels[i * 28 * 28 + k] = (byte) Math.round(images.get(i)[k] * 255);
      }
      labels[i] = i % 2;
    }
    return new ImageDataset("small", pixels, labels, 1, 28, 28, List.of("even", "odd"));
  }

  private static float[] pixels(ImageDataset ds) {
    float[] out = new float[ds.size() * ds.imageSize()];
    for (int i = 0; i < ds.size(); i++) {
      ds.copyImage(i, out, i * ds.imageSize());
    }
    return out;
  }

  private static double pixelDistance(float[] a, float[] b) {
    double d = 0;
    for (int k = 0; k < a.length; k++) {
      d += Math.abs(a[k] - b[k]);
    }
    return d;
  }
}

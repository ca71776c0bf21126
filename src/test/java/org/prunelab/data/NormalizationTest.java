package org.prunelab.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class NormalizationTest {

  @Test
  void computesPerChannelMeanAndPopulationStd() {
    // two 2-channel 1x2 images; channel 0 values 0, 51, 102, 153 (/255 = 0, .2, .4, .6), channel 1
    // always 255 or 0
    byte[] pixels = {0, 51, (byte) 255, 0, 102, (byte) 153, (byte) 255, 0};
    ImageDataset ds = new ImageDataset("d", pixels, new int[] {0, 0}, 2, 1, 2, List.of("a"));
    Normalization n = Normalization.of(ds);
    assertArrayEquals(new float[] {0.3f, 0.5f}, n.mean(), 1e-6f);
    assertArrayEquals(new float[] {(float) Math.sqrt(0.05), 0.5f}, n.std(), 1e-6f);

    float[] img = {0.3f, 0.5f, 1f, 0f};
    n.apply(img, 0, 2);
    assertArrayEquals(new float[] {0, (float) (0.2 / Math.sqrt(0.05)), 1, -1}, img, 1e-5f);
  }

  @Test
  void rejectsBadStdNamingTheValue() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> new Normalization(new float[] {0.5f}, new float[] {0f}));
    assertTrue(
        e.getMessage().contains("channel 0") && e.getMessage().contains("0.0"), e.getMessage());
    assertThrows(
        IllegalArgumentException.class,
        () -> new Normalization(new float[] {0}, new float[] {Float.NaN}));
    assertThrows(
        IllegalArgumentException.class,
        () -> new Normalization(new float[] {0}, new float[] {Float.POSITIVE_INFINITY}));
    assertThrows(
        IllegalArgumentException.class,
        () -> new Normalization(new float[] {0, 0}, new float[] {1}));
  }

  @Test
  void aDatasetWithAConstantChannelIsADatasetError() {
    // channel 0 varies, channel 1 is 255 in every pixel of both images
    byte[] pixels = {0, 51, (byte) 255, (byte) 255, 102, (byte) 153, (byte) 255, (byte) 255};
    ImageDataset ds =
        new ImageDataset("blank-ish", pixels, new int[] {0, 0}, 2, 1, 2, List.of("a"));
    DatasetException e = assertThrows(DatasetException.class, () -> Normalization.of(ds));
    assertTrue(
        e.getMessage().contains("blank-ish")
            && e.getMessage().contains("channel 1")
            && e.getMessage().contains("1.0"),
        e.getMessage());
  }

  @Test
  void isImmutableWithValueEquality() {
    float[] mean = {0.1f};
    Normalization n = new Normalization(mean, new float[] {0.2f});
    mean[0] = 9;
    n.mean()[0] = 9;
    assertEquals(0.1f, n.mean()[0]);
    assertEquals(new Normalization(new float[] {0.1f}, new float[] {0.2f}), n);
  }
}

package org.prunelab.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class ImageDatasetTest {

  @Test
  void copiesImagesAsUnitFloatsAtAnOffset() {
    byte[] pixels = {0, (byte) 255, (byte) 51, (byte) 102};
    ImageDataset ds = new ImageDataset("d", pixels, new int[] {1, 0}, 1, 1, 2, List.of("a", "b"));
    pixels[0] = 9; // the dataset keeps its own copy
    float[] dst = new float[5];
    ds.copyImage(1, dst, 3);
    assertArrayEquals(new float[] {0, 0, 0, 0.2f, 0.4f}, dst, 1e-7f);
    ds.copyImage(0, dst, 0);
    assertArrayEquals(new float[] {0, 1}, new float[] {dst[0], dst[1]}, 0f);
    assertThrows(IndexOutOfBoundsException.class, () -> ds.copyImage(0, dst, 4));
  }

  @Test
  void subsetKeepsOrderAndLabels() {
    ImageDataset ds = Tagged.dataset(6);
    ImageDataset sub = ds.subset(new int[] {5, 0, 3});
    assertArrayEquals(new int[] {5, 0, 3}, Tagged.indices(sub));
    assertArrayEquals(new int[] {1, 0, 1}, sub.labels());
    sub.labels()[0] = 7;
    assertEquals(1, sub.label(0));
    assertThrows(IndexOutOfBoundsException.class, () -> ds.subset(new int[] {6}));
  }

  @Test
  void rejectsInconsistentSizesAndLabels() {
    assertThrows(
        IllegalArgumentException.class,
        () -> new ImageDataset("d", new byte[3], new int[] {0, 1}, 1, 1, 2, List.of("a", "b")));
    assertThrows(
        IllegalArgumentException.class,
        () -> new ImageDataset("d", new byte[4], new int[] {0, 2}, 1, 1, 2, List.of("a", "b")));
  }
}

package org.prunelab.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class DataLoaderTest {

  private static final Normalization IDENTITY = new Normalization(new float[] {0}, new float[] {1});

  /**
   * Original indices of the images of every batch of one epoch, in order; also checks shapes and
   * labels.
   */
  private static List<Integer> visit(
      DataLoader loader, int epoch, NDManager manager, int batchSize) {
    List<Integer> seen = new ArrayList<>();
    for (Batch batch : loader.epoch(epoch, manager)) {
      try (batch) {
        assertEquals(DataType.FLOAT32, batch.images().getDataType());
        assertEquals(DataType.INT64, batch.labels().getDataType());
        assertEquals(new Shape(batch.size(), 1, 1, 2), batch.images().getShape());
        assertEquals(new Shape(batch.size()), batch.labels().getShape());
        assertTrue(batch.size() <= batchSize);
        float[] values = batch.images().toFloatArray();
        long[] labels = batch.labels().toLongArray();
        for (int k = 0; k < batch.size(); k++) {
          int index = Tagged.decode(values[2 * k], values[2 * k + 1]);
          assertEquals(index % 2, labels[k]);
          seen.add(index);
        }
      }
    }
    return seen;
  }

  @Test
  void everyIndexOncePerEpochReproducibleAndLeakFree() {
    ImageDataset ds = Tagged.dataset(1000);
    DataLoader loader = new DataLoader(ds, 64, true, false, IDENTITY, List.of(), 11);
    assertEquals(16, loader.batchesPerEpoch());
    try (NDManager manager = NDManager.newBaseManager()) {
      List<Integer> epoch0 = visit(loader, 0, manager, 64);
      assertEquals(1000, epoch0.size());
      assertEquals(1000, epoch0.stream().distinct().count());
      assertEquals(List.of(), manager.getManagedArrays());

      assertEquals(epoch0, visit(loader, 0, manager, 64));
      assertEquals(
          epoch0,
          visit(new DataLoader(ds, 64, true, false, IDENTITY, List.of(), 11), 0, manager, 64));
      List<Integer> epoch1 = visit(loader, 1, manager, 64);
      assertFalse(epoch0.equals(epoch1));
      assertEquals(1000, epoch1.stream().distinct().count());
      assertFalse(
          epoch0.equals(
              visit(new DataLoader(ds, 64, true, false, IDENTITY, List.of(), 12), 0, manager, 64)));
      assertEquals(List.of(), manager.getManagedArrays());
    }
  }

  @Test
  void withoutShuffleKeepsDatasetOrderAndDropLastDropsThePartialBatch() {
    ImageDataset ds = Tagged.dataset(10);
    try (NDManager manager = NDManager.newBaseManager()) {
      DataLoader ordered = new DataLoader(ds, 4, false, false, IDENTITY, List.of(), 1);
      assertEquals(3, ordered.batchesPerEpoch());
      assertEquals(List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9), visit(ordered, 5, manager, 4));
      DataLoader dropping = new DataLoader(ds, 4, false, true, IDENTITY, List.of(), 1);
      assertEquals(2, dropping.batchesPerEpoch());
      assertEquals(List.of(0, 1, 2, 3, 4, 5, 6, 7), visit(dropping, 0, manager, 4));
      assertEquals(List.of(), manager.getManagedArrays());
    }
  }

  @Test
  void normalisesAndAugmentsReproducibly() {
    // 3 images of 1x2x2 with pixel values 0, 51, 102, 153 (/255 = 0, .2, .4, .6)
    byte[] pixels = new byte[12];
    for (int i = 0; i < 12; i++) {
      pixels[i] = (byte) (51 * (i % 4));
    }
    ImageDataset ds =
        new ImageDataset("d", pixels, new int[] {0, 1, 0}, 1, 2, 2, List.of("a", "b"));
    Normalization norm = new Normalization(new float[] {0.2f}, new float[] {0.5f});
    try (NDManager manager = NDManager.newBaseManager()) {
      DataLoader plain = new DataLoader(ds, 3, false, false, norm, List.of(), 0);
      try (Batch b = plain.epoch(0, manager).iterator().next()) {
        assertEquals(new Shape(3, 1, 2, 2), b.images().getShape());
        assertArrayEquals(
            new float[] {-0.4f, 0, 0.4f, 0.8f}, Arrays.copyOf(b.images().toFloatArray(), 4), 1e-6f);
      }
      DataLoader flipped =
          new DataLoader(ds, 3, false, false, norm, List.of(new HorizontalFlip(1)), 0);
      try (Batch b = flipped.epoch(0, manager).iterator().next()) {
        assertArrayEquals(
            new float[] {0, -0.4f, 0.8f, 0.4f}, Arrays.copyOf(b.images().toFloatArray(), 4), 1e-6f);
      }
      List<Augmentation> random = List.of(new RandomCrop(1), new HorizontalFlip(0.5));
      float[] first;
      try (Batch b =
          new DataLoader(ds, 3, true, false, norm, random, 4).epoch(2, manager).iterator().next()) {
        first = b.images().toFloatArray();
      }
      try (Batch b =
          new DataLoader(ds, 3, true, false, norm, random, 4).epoch(2, manager).iterator().next()) {
        assertArrayEquals(first, b.images().toFloatArray());
      }
      assertEquals(List.of(), manager.getManagedArrays());
    }
  }

  @Test
  void rejectsBadArguments() {
    ImageDataset ds = Tagged.dataset(4);
    assertThrows(
        IllegalArgumentException.class,
        () -> new DataLoader(ds, 0, true, false, IDENTITY, List.of(), 1));
    Normalization rgb = new Normalization(new float[] {0, 0, 0}, new float[] {1, 1, 1});
    assertThrows(
        IllegalArgumentException.class,
        () -> new DataLoader(ds, 2, true, false, rgb, List.of(), 1));
  }
}

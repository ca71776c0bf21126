package org.prunelab.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Cifar10BinaryReaderTest {

  @TempDir Path dir;

  /**
   * One record whose pixel (channel c, row y, column x) has value {@code (base + 100 c + y + x) mod
   * 256}, so the plane order and the row-major order can both be checked.
   */
  static byte[] record(int label, int base) {
    byte[] r = new byte[Cifar10BinaryReader.RECORD_BYTES];
    r[0] = (byte) label;
    for (int c = 0; c < 3; c++) {
      for (int y = 0; y < 32; y++) {
        for (int x = 0; x < 32; x++) {
          r[1 + c * 1024 + y * 32 + x] = (byte) (base + 100 * c + y + x);
        }
      }
    }
    return r;
  }

  static byte[] batch(int... labels) {
    byte[] out = new byte[0];
    for (int i = 0; i < labels.length; i++) {
      out = IdxFiles.concat(out, record(labels[i], i));
    }
    return out;
  }

  @Test
  void readsTwoBatchesInOrderWithRedGreenBluePlanes() throws IOException {
    Path b1 = IdxFiles.write(dir.resolve("data_batch_1.bin"), batch(3, 9));
    Path b2 = IdxFiles.write(dir.resolve("data_batch_2.bin"), IdxFiles.gzip(batch(0)));
    ImageDataset ds = Cifar10BinaryReader.read("cifar10", List.of(b1, b2));
    assertEquals(3, ds.size());
    assertEquals(3, ds.channels());
    assertEquals(32, ds.height());
    assertEquals(32, ds.width());
    assertEquals(10, ds.numClasses());
    assertEquals("cat", ds.classNames().get(ds.label(0)));
    assertEquals(9, ds.label(1));
    assertEquals(0, ds.label(2));

    float[] img = new float[3 * 32 * 32];
    ds.copyImage(1, img, 0); // base 1
    assertEquals(1 / 255f, img[0], 1e-7f); // red (0, 0)
    assertEquals(101 / 255f, img[1024], 1e-7f); // green (0, 0)
    assertEquals(201 / 255f, img[2048], 1e-7f); // blue (0, 0)
    assertEquals((1 + 5 + 7) / 255f, img[5 * 32 + 7], 1e-7f); // red row 5 column 7
    assertEquals(((1 + 200 + 31 + 31) % 256) / 255f, img[2048 + 31 * 32 + 31], 1e-7f);
    ds.copyImage(2, img, 0); // second file, base 0
    assertEquals(100 / 255f, img[1024], 1e-7f);
  }

  @Test
  void partialRecordNamesPathAndRecordSize() throws IOException {
    byte[] data = batch(1);
    Path file = IdxFiles.write(dir.resolve("test_batch.bin"), Arrays.copyOf(data, data.length - 1));
    DatasetException e =
        assertThrows(DatasetException.class, () -> Cifar10BinaryReader.read("c", List.of(file)));
    assertTrue(
        e.getMessage().contains(file.toString()) && e.getMessage().contains("3073"),
        e.getMessage());
  }

  @Test
  void labelAboveNineNamesPathAndRecord() throws IOException {
    Path file = IdxFiles.write(dir.resolve("data_batch_1.bin"), batch(1, 2, 57));
    DatasetException e =
        assertThrows(DatasetException.class, () -> Cifar10BinaryReader.read("c", List.of(file)));
    assertTrue(
        e.getMessage().contains(file.toString()) && e.getMessage().contains("label 57 in record 2"),
        e.getMessage());
  }
}

package org.prunelab.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxReaderTest {

  /** Two 2x3 images: 0,1,2 / 3,4,255 and 10,20,30 / 40,50,128. */
  private static final byte[] PIXELS = {0, 1, 2, 3, 4, (byte) 255, 10, 20, 30, 40, 50, (byte) 128};

  @TempDir Path dir;

  @Test
  void readsPlainImagesWithKnownValues() throws IOException {
    Path file = IdxFiles.write(dir.resolve("imgs"), IdxFiles.images(2, 2, 3, PIXELS));
    IdxReader.Images images = IdxReader.readImages(file);
    assertEquals(2, images.count());
    assertEquals(2, images.rows());
    assertEquals(3, images.cols());
    assertArrayEquals(PIXELS, images.pixels());
  }

  @Test
  void detectsGzipByMagicBytesNotByName() throws IOException {
    Path gzWithoutSuffix =
        IdxFiles.write(dir.resolve("imgs.idx"), IdxFiles.gzip(IdxFiles.images(2, 2, 3, PIXELS)));
    Path plainWithGzSuffix =
        IdxFiles.write(dir.resolve("labels.gz"), IdxFiles.labels(new byte[] {9, 0, 3}));
    assertArrayEquals(PIXELS, IdxReader.readImages(gzWithoutSuffix).pixels());
    assertArrayEquals(new int[] {9, 0, 3}, IdxReader.readLabels(plainWithGzSuffix, 10));
  }

  @Test
  void readsImageAndLabelPairIntoDataset() throws IOException {
    Path images =
        IdxFiles.write(dir.resolve("i.gz"), IdxFiles.gzip(IdxFiles.images(2, 2, 3, PIXELS)));
    Path labels =
        IdxFiles.write(dir.resolve("l.gz"), IdxFiles.gzip(IdxFiles.labels(new byte[] {7, 2})));
    List<String> classes = List.of("0", "1", "2", "3", "4", "5", "6", "7");
    ImageDataset ds = IdxReader.read(images, labels, "tiny", classes);
    assertEquals(2, ds.size());
    assertEquals(1, ds.channels());
    assertEquals(2, ds.height());
    assertEquals(3, ds.width());
    assertEquals(7, ds.label(0));
    assertEquals(2, ds.label(1));
    float[] img = new float[6];
    ds.copyImage(0, img, 0);
    assertArrayEquals(new float[] {0, 1 / 255f, 2 / 255f, 3 / 255f, 4 / 255f, 1f}, img, 1e-7f);
  }

  @Test
  void truncatedImagesNameThePathAndTheSizes() throws IOException {
    byte[] full = IdxFiles.images(2, 2, 3, PIXELS);
    Path plain = IdxFiles.write(dir.resolve("plain-idx3"), Arrays.copyOf(full, full.length - 5));
    DatasetException e = assertThrows(DatasetException.class, () -> IdxReader.readImages(plain));
    assertTrue(e.getMessage().contains(plain.toString()), e.getMessage());
    assertTrue(
        e.getMessage().contains("2 images of 2x3 (12 bytes) but only 7 bytes follow"),
        e.getMessage());

    byte[] big = new byte[100 * 28 * 28];
    new Random(1).nextBytes(big);
    byte[] gz = IdxFiles.gzip(IdxFiles.images(100, 28, 28, big));
    Path cut = IdxFiles.write(dir.resolve("cut-idx3.gz"), Arrays.copyOf(gz, gz.length / 2));
    DatasetException e2 = assertThrows(DatasetException.class, () -> IdxReader.readImages(cut));
    assertTrue(e2.getMessage().contains(cut.toString()), e2.getMessage());
    Matcher m =
        Pattern.compile(
                "truncated: header says 100 images of 28x28 \\(78400 bytes\\) but only (\\d+) bytes")
            .matcher(e2.getMessage());
    assertTrue(m.find(), e2.getMessage());
    int found = Integer.parseInt(m.group(1));
    assertTrue(found > 30000 && found < 78400, e2.getMessage());
  }

  @Test
  void truncatedHeaderAndTrailingBytesAreRejected() throws IOException {
    Path shortFile = IdxFiles.write(dir.resolve("short"), new byte[] {0, 0, 8, 3, 0, 0});
    DatasetException e =
        assertThrows(DatasetException.class, () -> IdxReader.readImages(shortFile));
    assertTrue(
        e.getMessage().contains(shortFile.toString()) && e.getMessage().contains("16-byte header"),
        e.getMessage());

    Path longFile =
        IdxFiles.write(
            dir.resolve("long"), IdxFiles.concat(IdxFiles.images(2, 2, 3, PIXELS), new byte[] {1}));
    DatasetException e2 =
        assertThrows(DatasetException.class, () -> IdxReader.readImages(longFile));
    assertTrue(
        e2.getMessage().contains(longFile.toString()) && e2.getMessage().contains("longer"),
        e2.getMessage());
  }

  @Test
  void wrongMagicNamesThePathAndBothMagics() throws IOException {
    Path labelsFile =
        IdxFiles.write(dir.resolve("labels-idx1"), IdxFiles.labels(new byte[] {1, 2}));
    DatasetException e =
        assertThrows(DatasetException.class, () -> IdxReader.readImages(labelsFile));
    assertTrue(e.getMessage().contains(labelsFile.toString()), e.getMessage());
    assertTrue(
        e.getMessage().contains("0x00000803") && e.getMessage().contains("0x00000801"),
        e.getMessage());

    Path text =
        IdxFiles.write(
            dir.resolve("notes.txt"), "hello, world".getBytes(StandardCharsets.US_ASCII));
    DatasetException e2 =
        assertThrows(DatasetException.class, () -> IdxReader.readLabels(text, 10));
    assertTrue(e2.getMessage().contains(text.toString()), e2.getMessage());
  }

  @Test
  void labelOutOfRangeNamesPathIndexAndValue() throws IOException {
    Path file = IdxFiles.write(dir.resolve("labels"), IdxFiles.labels(new byte[] {0, 9, 10, 1}));
    DatasetException e = assertThrows(DatasetException.class, () -> IdxReader.readLabels(file, 10));
    assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
    assertTrue(e.getMessage().contains("label 10 at index 2"), e.getMessage());
  }

  @Test
  void mismatchedCountsNameBothFiles() throws IOException {
    Path images = IdxFiles.write(dir.resolve("i"), IdxFiles.images(2, 2, 3, PIXELS));
    Path labels = IdxFiles.write(dir.resolve("l"), IdxFiles.labels(new byte[] {1, 2, 3}));
    DatasetException e =
        assertThrows(
            DatasetException.class,
            () -> IdxReader.read(images, labels, "tiny", List.of("a", "b", "c", "d")));
    assertTrue(
        e.getMessage().contains(images.toString()) && e.getMessage().contains(labels.toString()),
        e.getMessage());
  }

  @Test
  void missingFileNamesThePath() {
    Path missing = dir.resolve("nothing-here");
    DatasetException e = assertThrows(DatasetException.class, () -> IdxReader.readImages(missing));
    assertTrue(e.getMessage().contains(missing.toString()), e.getMessage());
  }
}

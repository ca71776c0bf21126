package org.prunelab.data;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.ZipException;

/**
 * Reads the binary version of CIFAR-10 (Krizhevsky 2009, {@code cifar-10-batches-bin}): each record
 * is one label byte (0..9) followed by 3072 pixel bytes, the 32x32 red plane, then green, then
 * blue, each row-major. That is already the C x H x W layout of {@link ImageDataset}. Files may be
 * gzip-compressed (recognised by magic bytes).
 */
public final class Cifar10BinaryReader {

  /** Image side in pixels. */
  public static final int SIDE = 32;

  /** Colour channels (R, G, B). */
  public static final int CHANNELS = 3;

  /** Bytes of one record: one label byte plus 3 x 32 x 32 pixel bytes. */
  public static final int RECORD_BYTES = 1 + CHANNELS * SIDE * SIDE;

  /** The ten CIFAR-10 class names, indexed by label. */
  public static final List<String> CLASS_NAMES =
      List.of(
          "airplane", "automobile", "bird", "cat", "deer", "dog", "frog", "horse", "ship", "truck");

  private Cifar10BinaryReader() {}

  /**
   * Reads the records of {@code files}, in order, into one dataset.
   *
   * @throws DatasetException if a file is unreadable, is not a whole number of records, or holds a
   *     label above 9
   */
  public static ImageDataset read(String name, List<Path> files) {
    ByteArrayOutputStream pixels = new ByteArrayOutputStream();
    int[] labels = new int[0];
    for (Path file : files) {
      byte[] bytes = readAll(file);
      if (bytes.length == 0 || bytes.length % RECORD_BYTES != 0) {
        throw new DatasetException(
            file
                + " is not a CIFAR-10 binary batch: its "
                + bytes.length
                + " bytes are not a whole, non-zero number of "
                + RECORD_BYTES
                + "-byte records (1 label byte + 3x32x32"
                + " pixel bytes); replace it with an intact copy from cifar-10-binary.tar.gz");
      }
      int records = bytes.length / RECORD_BYTES;
      int base = labels.length;
      labels = Arrays.copyOf(labels, base + records);
      for (int r = 0; r < records; r++) {
        int at = r * RECORD_BYTES;
        int label = Byte.toUnsignedInt(bytes[at]);
        if (label >= CLASS_NAMES.size()) {
          throw new DatasetException(
              file
                  + " holds label "
                  + label
                  + " in record "
                  + r
                  + " (byte offset "
                  + at
                  + ") but CIFAR-10 labels lie in 0..9; is this a CIFAR-100 file? Use the CIFAR-10 binary version");
        }
        labels[base + r] = label;
        pixels.write(bytes, at + 1, RECORD_BYTES - 1);
      }
    }
    return new ImageDataset(name, pixels.toByteArray(), labels, CHANNELS, SIDE, SIDE, CLASS_NAMES);
  }

  private static byte[] readAll(Path file) {
    try (InputStream in = DataFiles.open(file)) {
      return in.readAllBytes();
    } catch (EOFException e) {
      throw new DatasetException(
          file + " is truncated: its gzip stream ends early; replace it with an intact copy", e);
    } catch (ZipException e) {
      throw new DatasetException(
          file
              + " starts like a gzip file but is corrupt ("
              + e.getMessage()
              + "); replace it with an intact copy",
          e);
    } catch (IOException e) {
      throw new DatasetException(
          file + " cannot be read (" + e + "); check that it exists and is readable", e);
    }
  }
}

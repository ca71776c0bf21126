package org.prunelab.data;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipException;

/**
 * Reads the IDX format of MNIST and Fashion-MNIST (LeCun et al.): a big-endian header (magic {@code
 * 0x00000803} and three dimensions count, rows, columns for images; magic {@code 0x00000801} and
 * one dimension count for labels) followed by one unsigned byte per value. Files may be
 * gzip-compressed; that is recognised by their magic bytes. Every check (magic, dimensions, length,
 * label range) fails with a {@link DatasetException} naming the file.
 */
public final class IdxReader {

  /** Magic number of an IDX file of unsigned bytes with three dimensions (images). */
  public static final int IMAGES_MAGIC = 0x00000803;

  /** Magic number of an IDX file of unsigned bytes with one dimension (labels). */
  public static final int LABELS_MAGIC = 0x00000801;

  private static final int MAX_SIDE = 1 << 16;
  private static final String FIX = "replace it with an intact copy";

  /**
   * The content of an IDX image file.
   *
   * @param count number of images
   * @param rows image height
   * @param cols image width
   * @param pixels {@code count * rows * cols} bytes, image after image, row-major
   */
  public record Images(int count, int rows, int cols, byte[] pixels) {}

  private IdxReader() {}

  /** Reads an IDX image file (magic {@code 0x00000803}). */
  public static Images readImages(Path file) {
    try (DataInputStream in = new DataInputStream(DataFiles.open(file))) {
      int[] header = readHeader(in, file, IMAGES_MAGIC, 3);
      int count = header[0];
      int rows = header[1];
      int cols = header[2];
      long bytes = (long) count * rows * cols;
      if (count < 0
          || rows <= 0
          || cols <= 0
          || rows > MAX_SIDE
          || cols > MAX_SIDE
          || bytes > Integer.MAX_VALUE - 8) {
        throw new DatasetException(
            file
                + " has an impossible IDX header: "
                + count
                + " images of "
                + rows
                + "x"
                + cols
                + " (expected a non-negative count and sides 1.."
                + MAX_SIDE
                + " fitting in 2 GB); "
                + FIX);
      }
      String what = count + " images of " + rows + "x" + cols + " (" + bytes + " bytes)";
      byte[] pixels = readBody(in, file, (int) bytes, what);
      return new Images(count, rows, cols, pixels);
    } catch (IOException e) {
      throw unreadable(file, e);
    }
  }

  /**
   * Reads an IDX label file (magic {@code 0x00000801}) whose labels must lie in {@code
   * 0..numClasses-1}.
   */
  public static int[] readLabels(Path file, int numClasses) {
    try (DataInputStream in = new DataInputStream(DataFiles.open(file))) {
      int count = readHeader(in, file, LABELS_MAGIC, 1)[0];
      if (count < 0) {
        throw new DatasetException(
            file
                + " has an impossible IDX header: "
                + count
                + " labels (expected a non-negative count); "
                + FIX);
      }
      byte[] raw = readBody(in, file, count, count + " labels (" + count + " bytes)");
      int[] labels = new int[count];
      for (int i = 0; i < count; i++) {
        labels[i] = Byte.toUnsignedInt(raw[i]);
        if (labels[i] >= numClasses) {
          throw new DatasetException(
              file
                  + " holds label "
                  + labels[i]
                  + " at index "
                  + i
                  + " but labels must lie in 0.."
                  + (numClasses - 1)
                  + "; "
                  + FIX);
        }
      }
      return labels;
    } catch (IOException e) {
      throw unreadable(file, e);
    }
  }

  /**
   * Reads a pair of IDX files (images and their labels) into one dataset of 1-channel images.
   *
   * @throws DatasetException if either file is malformed or the two counts differ
   */
  public static ImageDataset read(Path images, Path labels, String name, List<String> classNames) {
    Images img = readImages(images);
    int[] lab = readLabels(labels, classNames.size());
    if (lab.length != img.count()) {
      throw new DatasetException(
          images
              + " holds "
              + img.count()
              + " images but "
              + labels
              + " holds "
              + lab.length
              + " labels; both files must come from the same split");
    }
    return new ImageDataset(name, img.pixels(), lab, 1, img.rows(), img.cols(), classNames);
  }

  /**
   * Reads the magic number and {@code dims} dimensions, failing if the header is short or of the
   * wrong kind.
   */
  private static int[] readHeader(DataInputStream in, Path file, int expected, int dims)
      throws IOException {
    int headerBytes = 4 * (1 + dims);
    try {
      int magic = in.readInt();
      if (magic != expected) {
        String hint =
            magic == IMAGES_MAGIC
                ? " (that of an image file)"
                : magic == LABELS_MAGIC ? " (that of a label file)" : "";
        throw new DatasetException(
            String.format(
                "%s is not an IDX %s file: expected magic 0x%08X but found"
                    + " 0x%08X%s; check that the path names the right file",
                file, expected == IMAGES_MAGIC ? "image" : "label", expected, magic, hint));
      }
      int[] sizes = new int[dims];
      for (int d = 0; d < dims; d++) {
        sizes[d] = in.readInt();
      }
      return sizes;
    } catch (EOFException e) {
      throw new DatasetException(
          file
              + " is too short to be an IDX file (expected a "
              + headerBytes
              + "-byte header); "
              + FIX,
          e);
    }
  }

  /** Reads exactly {@code length} bytes and checks that nothing follows them. */
  private static byte[] readBody(InputStream in, Path file, int length, String what)
      throws IOException {
    byte[] body = new byte[length];
    int total = 0;
    try {
      while (total < length) {
        int n = in.read(body, total, length - total);
        if (n < 0) {
          break;
        }
        total += n;
      }
      if (total == length && in.read() >= 0) {
        throw new DatasetException(
            file
                + " is longer than its header says: header says "
                + what
                + " but more bytes follow; "
                + FIX);
      }
    } catch (EOFException e) {
      throw truncated(file, what, total, e);
    }
    if (total < length) {
      throw truncated(file, what, total, null);
    }
    return body;
  }

  private static DatasetException truncated(Path file, String what, int found, Throwable cause) {
    return new DatasetException(
        file
            + " is truncated: header says "
            + what
            + " but only "
            + found
            + " bytes follow; "
            + FIX,
        cause);
  }

  private static DatasetException unreadable(Path file, IOException e) {
    if (e instanceof ZipException) {
      return new DatasetException(
          file + " starts like a gzip file but is corrupt (" + e.getMessage() + "); " + FIX, e);
    }
    return new DatasetException(
        file + " cannot be read (" + e + "); check that it exists and is readable", e);
  }
}

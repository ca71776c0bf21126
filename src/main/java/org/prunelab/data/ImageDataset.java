package org.prunelab.data;

import java.util.List;
import java.util.Objects;

/**
 * An immutable in-memory set of labelled images. Pixels are kept compactly as unsigned bytes
 * (0..255) in N x C x H x W order and handed out as floats {@code byte / 255} in [0, 1]; labels are
 * class indices in {@code 0..numClasses-1}.
 */
public final class ImageDataset {

  private final String name;
  private final byte[] pixels;
  private final int[] labels;
  private final int channels;
  private final int height;
  private final int width;
  private final List<String> classNames;

  /**
   * Creates a dataset from copies of {@code pixels} (N x C x H x W unsigned bytes) and {@code
   * labels} (N).
   *
   * @param classNames one name per class; its size is the number of classes
   * @throws IllegalArgumentException if the sizes disagree or a label is outside {@code
   *     0..classNames.size()-1}
   */
  public ImageDataset(
      String name,
      byte[] pixels,
      int[] labels,
      int channels,
      int height,
      int width,
      List<String> classNames) {
    this.name = Objects.requireNonNull(name, "name");
    this.classNames = List.copyOf(classNames);
    if (channels <= 0 || height <= 0 || width <= 0) {
      throw new IllegalArgumentException(
          "image shape must be positive, got " + channels + "x" + height + "x" + width);
    }
    if (this.classNames.isEmpty()) {
      throw new IllegalArgumentException("a dataset needs at least one class name");
    }
    long expected = (long) labels.length * channels * height * width;
    if (pixels.length != expected) {
      throw new IllegalArgumentException(
          name
              + ": "
              + labels.length
              + " images of "
              + channels
              + "x"
              + height
              + "x"
              + width
              + " need "
              + expected
              + " pixel bytes, got "
              + pixels.length);
    }
    for (int i = 0; i < labels.length; i++) {
      if (labels[i] < 0 || labels[i] >= this.classNames.size()) {
        throw new IllegalArgumentException(
            name
                + ": label "
                + labels[i]
                + " at index "
                + i
                + " is outside 0.."
                + (this.classNames.size() - 1));
      }
    }
    this.pixels = pixels.clone();
    this.labels = labels.clone();
    this.channels = channels;
    this.height = height;
    this.width = width;
  }

  /** Name shown to users, e.g. {@code fashion-mnist}. */
  public String name() {
    return name;
  }

  /** Number of images. */
  public int size() {
    return labels.length;
  }

  /** Channels per image (1 for grey, 3 for RGB). */
  public int channels() {
    return channels;
  }

  /** Image height in pixels. */
  public int height() {
    return height;
  }

  /** Image width in pixels. */
  public int width() {
    return width;
  }

  /** Values per image: {@code channels * height * width}. */
  public int imageSize() {
    return channels * height * width;
  }

  /** Number of classes. */
  public int numClasses() {
    return classNames.size();
  }

  /** Class names, indexed by label. */
  public List<String> classNames() {
    return classNames;
  }

  /** Label of image {@code i}. */
  public int label(int i) {
    return labels[Objects.checkIndex(i, labels.length)];
  }

  /** A copy of all labels, in dataset order. */
  public int[] labels() {
    return labels.clone();
  }

  /**
   * Writes image {@code i} as {@link #imageSize()} floats in [0, 1] (C x H x W order) into {@code
   * dst} starting at {@code offset}.
   */
  public void copyImage(int i, float[] dst, int offset) {
    int n = imageSize();
    int src = Objects.checkIndex(i, labels.length) * n;
    Objects.checkFromIndexSize(offset, n, dst.length);
    for (int k = 0; k < n; k++) {
      dst[offset + k] = (pixels[src + k] & 0xff) / 255f;
    }
  }

  /**
   * The images at {@code indices}, in that order (an index may repeat), as a new dataset with the
   * same name.
   */
  public ImageDataset subset(int[] indices) {
    int n = imageSize();
    byte[] subPixels = new byte[indices.length * n];
    int[] subLabels = new int[indices.length];
    for (int k = 0; k < indices.length; k++) {
      int i = Objects.checkIndex(indices[k], labels.length);
      System.arraycopy(pixels, i * n, subPixels, k * n, n);
      subLabels[k] = labels[i];
    }
    return new ImageDataset(name, subPixels, subLabels, channels, height, width, classNames);
  }

  @Override
  public String toString() {
    return name
        + " ("
        + size()
        + " images of "
        + channels
        + "x"
        + height
        + "x"
        + width
        + ", "
        + numClasses()
        + " classes)";
  }
}

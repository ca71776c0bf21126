package org.prunelab.experiment.features;

import java.util.ArrayList;
import java.util.List;
import org.prunelab.error.InvalidSettingException;

/**
 * The features an SIS is made of: square blocks of {@code patch} x {@code patch} pixels of a C x H
 * x W image (the last row and column of blocks may be narrower), numbered row by row; a feature
 * covers every channel of its pixels (Carter et al. mask a pixel's channels together). Patch 1 is
 * the paper's pixel-level SIS; a larger patch divides the cost of backward selection, about F^2/2
 * forward passes for F features, by roughly patch^4. Masking a feature sets its pixels to 0 in the
 * normalised image the network reads, the training set's mean.
 */
public record FeatureGrid(int channels, int height, int width, int patch) {
  /** The largest patch side accepted. */
  public static final int MAX_PATCH = 16;

  public FeatureGrid {
    if (channels < 1 || height < 1 || width < 1) {
      throw new IllegalArgumentException(
          "image shape " + channels + "x" + height + "x" + width + " has an empty side");
    }
    if (patch < 1 || patch > MAX_PATCH) {
      throw new InvalidSettingException(
          "features patch " + patch + " is outside 1.." + MAX_PATCH + " (pixels per block side)");
    }
  }

  /** Blocks per row. */
  public int columns() {
    return (width + patch - 1) / patch;
  }

  /** Blocks per column. */
  public int rows() {
    return (height + patch - 1) / patch;
  }

  /** Number of features F. */
  public int features() {
    return rows() * columns();
  }

  /** Values of one image, C x H x W. */
  public int imageSize() {
    return channels * height * width;
  }

  /** Pixel indices (y * width + x) that feature {@code f} covers. */
  public int[] pixels(int f) {
    int top = (f / columns()) * patch;
    int left = (f % columns()) * patch;
    List<Integer> covered = new ArrayList<>();
    for (int y = top; y < Math.min(top + patch, height); y++) {
      for (int x = left; x < Math.min(left + patch, width); x++) {
        covered.add(y * width + x);
      }
    }
    return covered.stream().mapToInt(Integer::intValue).toArray();
  }

  /**
   * For each feature, the indices into a C x H x W image of the values it covers (every channel of
   * its pixels): setting them to 0 masks the feature.
   */
  public int[][] valueIndices() {
    int plane = height * width;
    int[][] indices = new int[features()][];
    for (int f = 0; f < indices.length; f++) {
      int[] covered = pixels(f);
      int[] values = new int[covered.length * channels];
      for (int c = 0; c < channels; c++) {
        for (int k = 0; k < covered.length; k++) {
          values[c * covered.length + k] = c * plane + covered[k];
        }
      }
      indices[f] = values;
    }
    return indices;
  }

  /** The pixel mask (H x W, true = kept) of a set of features. */
  public boolean[] pixelMask(int[] features) {
    boolean[] mask = new boolean[height * width];
    for (int f : features) {
      for (int p : pixels(f)) {
        mask[p] = true;
      }
    }
    return mask;
  }

  /**
   * The image with every feature outside {@code kept} masked: what the network sees when it is
   * shown only the subset.
   */
  public float[] keepOnly(float[] image, int[] kept) {
    boolean[] keep = new boolean[features()];
    for (int f : kept) {
      keep[f] = true;
    }
    float[] out = image.clone();
    int[][] values = valueIndices();
    for (int f = 0; f < keep.length; f++) {
      if (!keep[f]) {
        for (int v : values[f]) {
          out[v] = 0f;
        }
      }
    }
    return out;
  }
}

package org.prunelab.data;

import java.util.Arrays;
import java.util.Objects;

/**
 * Per-channel standardisation {@code x' = (x - mean[c]) / std[c]} of pixel values in [0, 1]. The
 * arrays are copied in and out, so a normalisation cannot change once made.
 *
 * @param mean mean of each channel
 * @param std standard deviation of each channel, finite and positive
 */
public record Normalization(float[] mean, float[] std) {

  /** Checks that both arrays have one finite value per channel and every std is positive. */
  public Normalization {
    Objects.requireNonNull(mean, "mean");
    Objects.requireNonNull(std, "std");
    if (mean.length == 0 || mean.length != std.length) {
      throw new IllegalArgumentException(
          "mean and std need one value per channel, got "
              + mean.length
              + " means and "
              + std.length
              + " stds");
    }
    for (int c = 0; c < mean.length; c++) {
      if (!Float.isFinite(mean[c])) {
        throw new IllegalArgumentException(
            "mean of channel " + c + " must be finite, got " + mean[c]);
      }
      if (!(std[c] > 0) || !Float.isFinite(std[c])) {
        throw new IllegalArgumentException(
            "std of channel "
                + c
                + " must be finite and > 0, got "
                + std[c]
                + "; is every image of the dataset the same?");
      }
    }
    mean = mean.clone();
    std = std.clone();
  }

  /**
   * The mean and (population) standard deviation of each channel over every pixel of every image of
   * {@code dataset}, pixel values taken in [0, 1].
   *
   * @throws DatasetException if the dataset is empty or a channel is constant
   */
  public static Normalization of(ImageDataset dataset) {
    if (dataset.size() == 0) {
      throw new DatasetException(
          "cannot compute a normalisation of the empty dataset " + dataset.name());
    }
    int channels = dataset.channels();
    int plane = dataset.height() * dataset.width();
    double[] sum = new double[channels];
    double[] sumSquares = new double[channels];
    float[] image = new float[dataset.imageSize()];
    for (int i = 0; i < dataset.size(); i++) {
      dataset.copyImage(i, image, 0);
      for (int c = 0; c < channels; c++) {
        double s = 0;
        double q = 0;
        for (int k = c * plane, end = k + plane; k < end; k++) {
          s += image[k];
          q += (double) image[k] * image[k];
        }
        sum[c] += s;
        sumSquares[c] += q;
      }
    }
    double count = (double) dataset.size() * plane;
    float[] mean = new float[channels];
    float[] std = new float[channels];
    for (int c = 0; c < channels; c++) {
      double m = sum[c] / count;
      mean[c] = (float) m;
      std[c] = (float) Math.sqrt(Math.max(0, sumSquares[c] / count - m * m));
      if (!(std[c] > 0)) {
        throw new DatasetException(
            dataset.name()
                + ": channel "
                + c
                + " has the same value "
                + mean[c]
                + " in every pixel of every image, so it cannot be normalised; check that the"
                + " image files are not blank or damaged");
      }
    }
    return new Normalization(mean, std);
  }

  /** Number of channels. */
  public int channels() {
    return mean.length;
  }

  /** A copy of the per-channel means. */
  @Override
  public float[] mean() {
    return mean.clone();
  }

  /** A copy of the per-channel standard deviations. */
  @Override
  public float[] std() {
    return std.clone();
  }

  /**
   * Standardises one C x H x W image in place: {@code data[offset + c * plane + k] = (x - mean[c])
   * / std[c]}.
   *
   * @param plane pixels per channel ({@code height * width})
   */
  public void apply(float[] data, int offset, int plane) {
    Objects.checkFromIndexSize(offset, channels() * plane, data.length);
    for (int c = 0; c < mean.length; c++) {
      float m = mean[c];
      float inv = 1f / std[c];
      for (int k = offset + c * plane, end = k + plane; k < end; k++) {
        data[k] = (data[k] - m) * inv;
      }
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Normalization n && Arrays.equals(mean, n.mean) && Arrays.equals(std, n.std);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(mean) + Arrays.hashCode(std);
  }

  @Override
  public String toString() {
    return "Normalization[mean=" + Arrays.toString(mean) + ", std=" + Arrays.toString(std) + "]";
  }
}

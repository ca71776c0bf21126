package org.prunelab.flows;

import java.util.Arrays;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Collectors;
import org.prunelab.error.InvalidSettingException;

/**
 * The seeded 2-D toy datasets of the Sparse Flows experiments (docs/algorithms.md, "Sparse flows"),
 * with u ~ U(0, 1) and e ~ N(0, 1) drawn per point:
 *
 * <ul>
 *   <li>{@code spirals}: two interleaved spirals, theta = 3 pi sqrt(u), x = s (-theta cos theta,
 *       theta sin theta) / 3 + 0.1 e with s = +1 for class 0 and -1 for class 1;
 *   <li>{@code moons}: class 0 on (cos pi u, sin pi u), class 1 on (1 - cos pi u, 1/2 - sin pi u),
 *       shifted by (-1/2, -1/4), plus 0.1 e;
 *   <li>{@code circles}: concentric circles of radius 1 (class 0) and 1/2 (class 1), plus 0.05 e;
 *   <li>{@code gaussians}: 8 Gaussians of std 0.5 centred on a ring of radius 4 at angles 2 pi k /
 *       8 (label = mode k);
 *   <li>{@code gaussiansspiral}: 10 Gaussians along a spiral, mode k at angle 2 pi k / 6, radius 4
 *       - 3 k / 9, std 0.3 - 0.2 k / 9 (torchprune's settings: 6 modes per loop, radius 4 to 1, std
 *       0.3 to 0.1).
 * </ul>
 *
 * Labels alternate (point i has class or mode i mod count), so every batch is balanced.
 */
public enum ToyDataset {
  SPIRALS("spirals", 2),
  MOONS("moons", 2),
  CIRCLES("circles", 2),
  GAUSSIANS("gaussians", 8),
  GAUSSIANS_SPIRAL("gaussiansspiral", 10);

  private final String cliName;
  private final int classes;

  ToyDataset(String cliName, int classes) {
    this.cliName = cliName;
    this.classes = classes;
  }

  /** The name on the command line. */
  public String cliName() {
    return cliName;
  }

  /** Number of classes (labelled sets) or modes (Gaussian mixtures). */
  public int classes() {
    return classes;
  }

  /** The dataset named {@code name} (case-insensitive), or an error listing the known names. */
  public static ToyDataset parse(String name) {
    for (ToyDataset d : values()) {
      if (d.cliName.equals(name.trim().toLowerCase(Locale.ROOT))) {
        return d;
      }
    }
    throw new InvalidSettingException(
        "unknown toy dataset '"
            + name
            + "'; known datasets: "
            + Arrays.stream(values()).map(ToyDataset::cliName).collect(Collectors.joining(", ")));
  }

  /** n points drawn from {@code seed}; the same seed gives the same points. */
  public ToyData sample(int n, long seed) {
    Random random = new Random(seed);
    float[] points = new float[2 * n];
    int[] labels = new int[n];
    for (int i = 0; i < n; i++) {
      int label = i % classes;
      double[] p = point(label, random);
      points[2 * i] = (float) p[0];
      points[2 * i + 1] = (float) p[1];
      labels[i] = label;
    }
    return new ToyData(points, labels);
  }

  private double[] point(int label, Random r) {
    return switch (this) {
      case SPIRALS -> {
        double theta = 3 * Math.PI * Math.sqrt(r.nextDouble());
        double s = label == 0 ? 1 : -1;
        yield new double[] {
          s * -theta * Math.cos(theta) / 3 + 0.1 * r.nextGaussian(),
          s * theta * Math.sin(theta) / 3 + 0.1 * r.nextGaussian()
        };
      }
      case MOONS -> {
        double a = Math.PI * r.nextDouble();
        double x = label == 0 ? Math.cos(a) : 1 - Math.cos(a);
        double y = label == 0 ? Math.sin(a) : 0.5 - Math.sin(a);
        yield new double[] {x - 0.5 + 0.1 * r.nextGaussian(), y - 0.25 + 0.1 * r.nextGaussian()};
      }
      case CIRCLES -> {
        double a = 2 * Math.PI * r.nextDouble();
        double radius = label == 0 ? 1 : 0.5;
        yield new double[] {
          radius * Math.cos(a) + 0.05 * r.nextGaussian(),
          radius * Math.sin(a) + 0.05 * r.nextGaussian()
        };
      }
      case GAUSSIANS -> gaussian(2 * Math.PI * label / 8, 4, 0.5, r);
      case GAUSSIANS_SPIRAL ->
          gaussian(2 * Math.PI * label / 6, 4 - 3.0 * label / 9, 0.3 - 0.2 * label / 9, r);
    };
  }

  private static double[] gaussian(double angle, double radius, double std, Random r) {
    return new double[] {
      radius * Math.cos(angle) + std * r.nextGaussian(),
      radius * Math.sin(angle) + std * r.nextGaussian()
    };
  }
}

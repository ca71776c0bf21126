package org.prunelab.nn;

import java.util.Arrays;
import java.util.Random;
import org.prunelab.nn.layer.ParamSpec;

/**
 * Seeded initial values for new parameters, drawn in Java so a seed gives the same network on every
 * engine and device: Kaiming normal (fan-out) for convolutions, U(-1/sqrt(fan_in), 1/sqrt(fan_in))
 * for linear weights, zeros and ones for biases and BatchNorm.
 */
final class ParameterInitializer {
  private final Random random;

  ParameterInitializer(long seed) {
    this.random = new Random(seed);
  }

  float[] values(ParamSpec spec) {
    long[] dims = spec.shape().getShape();
    float[] v = new float[Math.toIntExact(spec.shape().size())];
    switch (spec.init()) {
      case ZEROS -> {}
      case ONES -> Arrays.fill(v, 1f);
      case KAIMING_NORMAL_FAN_OUT -> {
        long fanOut = dims[0] * (dims.length > 2 ? dims[2] * dims[3] : 1);
        double std = Math.sqrt(2.0 / fanOut);
        for (int i = 0; i < v.length; i++) {
          v[i] = (float) (random.nextGaussian() * std);
        }
      }
      case UNIFORM_FAN_IN -> {
        double bound = 1.0 / Math.sqrt(dims[1]);
        for (int i = 0; i < v.length; i++) {
          v[i] = (float) ((random.nextDouble() * 2 - 1) * bound);
        }
      }
    }
    return v;
  }
}

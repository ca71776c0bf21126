package org.prunelab.nn.layer;

import ai.djl.ndarray.types.Shape;

/**
 * A parameter or buffer a layer owns: its name within the layer ({@code weight}, {@code
 * running_mean}), its shape, whether the optimizer trains it, and how it starts.
 */
public record ParamSpec(String suffix, Shape shape, boolean trainable, Init init) {

  /** How a freshly built network fills a parameter. */
  public enum Init {
    /**
     * He/Kaiming normal, fan-out, gain sqrt(2): N(0, 2 / (out_channels * kernel area)). For
     * convolutions.
     */
    KAIMING_NORMAL_FAN_OUT,
    /** PyTorch's Linear default: U(-1/sqrt(fan_in), 1/sqrt(fan_in)), fan_in = shape[1]. */
    UNIFORM_FAN_IN,
    /** All zeros (biases, BatchNorm shift and running mean). */
    ZEROS,
    /** All ones (BatchNorm scale and running variance). */
    ONES
  }

  public static ParamSpec trainable(String suffix, Shape shape, Init init) {
    return new ParamSpec(suffix, shape, true, init);
  }

  public static ParamSpec buffer(String suffix, Shape shape, Init init) {
    return new ParamSpec(suffix, shape, false, init);
  }
}

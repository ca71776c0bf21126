package org.prunelab.flows;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Activation;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.prunelab.error.InvalidSettingException;

/**
 * The activation sigma of a vector field's hidden layers and its derivative sigma'(a), which the
 * field needs for its Jacobian-vector products: tanh (1 - tanh^2 a), sigmoid (s (1 - s)), softplus
 * log(1 + e^a) (derivative sigmoid a) and relu max(a, 0) (derivative 1 where a > 0, else 0).
 */
public enum Nonlinearity {
  TANH,
  SIGMOID,
  SOFTPLUS,
  RELU;

  /** sigma(a), element-wise. */
  public NDArray apply(NDArray a) {
    return switch (this) {
      case TANH -> Activation.tanh(a);
      case SIGMOID -> Activation.sigmoid(a);
      case SOFTPLUS -> Activation.softPlus(a);
      case RELU -> Activation.relu(a);
    };
  }

  /** sigma'(a), given a and h = sigma(a) (tanh and sigmoid reuse h). */
  public NDArray derivative(NDArray a, NDArray h) {
    return switch (this) {
      case TANH -> h.square().neg().add(1);
      case SIGMOID -> h.mul(h.neg().add(1));
      case SOFTPLUS -> Activation.sigmoid(a);
      case RELU -> a.gt(0).toType(a.getDataType(), false);
    };
  }

  /** The lower-case name used on the command line. */
  public String cliName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The activation named {@code name}, or an error listing the names. */
  public static Nonlinearity parse(String name) {
    for (Nonlinearity n : values()) {
      if (n.cliName().equals(name.trim().toLowerCase(Locale.ROOT))) {
        return n;
      }
    }
    throw new InvalidSettingException(
        "unknown activation '"
            + name
            + "'; known activations: "
            + Arrays.stream(values()).map(Nonlinearity::cliName).collect(Collectors.joining(", ")));
  }
}

package org.prunelab.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The NaN and infinite values among a network's floating-point parameters and buffers, counted per
 * tensor: a model that diverged in training (or was written by a tool that let it) computes NaN
 * everywhere, which a user should hear about as such rather than as an export or a comparison that
 * "fails".
 */
public final class NonFiniteWeights {
  private NonFiniteWeights() {}

  /** Non-finite values per tensor name, in node order; only the tensors that have some. */
  public static Map<String, Long> count(Network network) {
    Map<String, Long> counts = new LinkedHashMap<>();
    network
        .parameters()
        .forEach(
            (name, array) -> {
              long bad = nonFinite(array);
              if (bad > 0) {
                counts.put(name, bad);
              }
            });
    return counts;
  }

  /**
   * Throws when {@code network} has non-finite values, naming the tensors and what cannot be done.
   *
   * @param what what was about to happen, e.g. "it cannot be exported to ONNX"
   * @throws NonFiniteException naming each tensor and its count
   */
  public static void require(Network network, String what) {
    Map<String, Long> counts = count(network);
    if (!counts.isEmpty()) {
      throw new NonFiniteException(describe(counts) + "; " + what);
    }
  }

  /** "the model has 3 NaN or infinite weights (conv1.weight 2, fc1.bias 1)". */
  public static String describe(Map<String, Long> counts) {
    long total = counts.values().stream().mapToLong(Long::longValue).sum();
    return "the model has "
        + total
        + " NaN or infinite weight"
        + (total == 1 ? "" : "s")
        + " ("
        + counts.entrySet().stream()
            .map(e -> e.getKey() + " " + e.getValue())
            .collect(Collectors.joining(", "))
        + ")";
  }

  private static long nonFinite(NDArray array) {
    DataType type = array.getDataType();
    long bad = 0;
    if (type == DataType.FLOAT32) {
      for (float v : array.toFloatArray()) {
        bad += Float.isFinite(v) ? 0 : 1;
      }
    } else if (type == DataType.FLOAT64) {
      for (double v : array.toDoubleArray()) {
        bad += Double.isFinite(v) ? 0 : 1;
      }
    }
    return bad;
  }
}

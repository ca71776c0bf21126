package org.prunelab.train;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.prunelab.data.Normalization;
import org.prunelab.nn.ModelFileException;
import org.prunelab.nn.Network;

/**
 * Stores and reads the per-channel input normalisation (x - mean) / std a network was trained with,
 * in the network's metadata, so a saved model is evaluated on exactly the inputs it was trained on.
 */
public final class InputNormalization {
  private static final String MEAN = "input.mean";
  private static final String STD = "input.std";

  private InputNormalization() {}

  public static void store(Network network, Normalization n) {
    network.metadata().put(MEAN, join(n.mean()));
    network.metadata().put(STD, join(n.std()));
  }

  /**
   * The normalisation stored with the network, if any.
   *
   * @throws ModelFileException when the stored entries are not one finite mean and one positive std
   *     per channel (a damaged or hand-edited model file)
   */
  public static Optional<Normalization> of(Network network) {
    Map<String, String> meta = network.metadata();
    if (!meta.containsKey(MEAN) || !meta.containsKey(STD)) {
      return Optional.empty();
    }
    try {
      return Optional.of(new Normalization(parse(meta.get(MEAN)), parse(meta.get(STD))));
    } catch (IllegalArgumentException e) {
      throw new ModelFileException(
          "the model's input normalisation ("
              + MEAN
              + " = '"
              + meta.get(MEAN)
              + "', "
              + STD
              + " = '"
              + meta.get(STD)
              + "') is not one finite mean and one positive std per channel ("
              + e.getMessage()
              + "); save the model again with its training normalisation or remove both entries",
          e);
    }
  }

  private static String join(float[] values) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < values.length; i++) {
      b.append(i == 0 ? "" : ",").append(String.format(Locale.ROOT, "%.9g", values[i]));
    }
    return b.toString();
  }

  private static float[] parse(String csv) {
    String[] parts = csv.split(",");
    float[] v = new float[parts.length];
    for (int i = 0; i < parts.length; i++) {
      v[i] = Float.parseFloat(parts[i].trim());
    }
    return v;
  }
}

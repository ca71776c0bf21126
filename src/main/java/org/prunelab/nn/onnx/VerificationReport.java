package org.prunelab.nn.onnx;

/**
 * How closely an ONNX model's outputs match the PruneLab network's on the same inputs. For sample i
 * with PruneLab outputs p_i and ONNX Runtime outputs o_i (all values of the sample's output
 * tensor):
 *
 * <ul>
 *   <li>max abs diff = max_i max_j |o_ij - p_ij|;
 *   <li>max rel diff = max_i (max_j |o_ij - p_ij|) / max(max_j |p_ij|, 1e-6), the error relative to
 *       the sample's largest output (so logits near zero do not inflate it; the floor only guards
 *       all-zero outputs);
 *   <li>top-1 agreement = the share of samples whose largest output has the same index in both.
 * </ul>
 *
 * A NaN anywhere makes both differences NaN, which fails every tolerance.
 *
 * @param inputs what the inputs were, e.g. "random normal (seed 0)" or "fashion-mnist test"
 * @param samples number of samples compared
 */
public record VerificationReport(
    String inputs, int samples, double maxAbsDiff, double maxRelDiff, double top1Agreement) {
  /** Floor of the per-sample scale in the relative difference. */
  public static final double SCALE_FLOOR = 1e-6;

  /**
   * Whether the relative difference is at most {@code tolerance} and every top-1 prediction agrees.
   */
  public boolean passed(double tolerance) {
    return maxRelDiff <= tolerance && top1Agreement == 1.0;
  }

  /**
   * Compares {@code samples} outputs of equal length stored one after the other.
   *
   * @param reference PruneLab's outputs
   * @param candidate ONNX Runtime's outputs
   */
  static VerificationReport compare(
      String inputs, float[] reference, float[] candidate, int samples) {
    if (samples <= 0 || reference.length != candidate.length || reference.length % samples != 0) {
      throw new IllegalArgumentException(
          "cannot compare "
              + reference.length
              + " with "
              + candidate.length
              + " output values over "
              + samples
              + " samples");
    }
    int width = reference.length / samples;
    double maxAbs = 0;
    double maxRel = 0;
    int agree = 0;
    for (int i = 0; i < samples; i++) {
      double diff = 0;
      double scale = 0;
      int argRef = 0;
      int argCand = 0;
      for (int j = 0; j < width; j++) {
        int k = i * width + j;
        diff = Math.max(diff, Math.abs((double) candidate[k] - reference[k]));
        scale = Math.max(scale, Math.abs(reference[k]));
        argRef = reference[k] > reference[i * width + argRef] ? j : argRef;
        argCand = candidate[k] > candidate[i * width + argCand] ? j : argCand;
      }
      maxAbs = Math.max(maxAbs, diff);
      maxRel = Math.max(maxRel, diff / Math.max(scale, SCALE_FLOOR));
      agree += argRef == argCand ? 1 : 0;
    }
    return new VerificationReport(inputs, samples, maxAbs, maxRel, (double) agree / samples);
  }
}

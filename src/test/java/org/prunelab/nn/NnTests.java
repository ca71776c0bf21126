package org.prunelab.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Shared helpers of the {@code nn} tests: exact parameter sources and a relative float comparison.
 */
final class NnTests {
  /**
   * Tolerance of value comparisons: |actual - expected| <= REL * max(1, |expected|), i.e. 1e-5
   * relative for values of magnitude 1 and above and 1e-5 absolute below (float32 has about 7
   * significant digits).
   */
  static final double REL = 1e-5;

  private NnTests() {}

  /**
   * A parameter source that hands out exactly the given values and fails on any parameter not
   * listed.
   */
  static NetworkBuilder.ParameterSource exact(Map<String, float[]> values) {
    return (name, spec) -> {
      float[] v = values.get(name);
      if (v == null) {
        throw new AssertionError("the test gives no values for parameter " + name + " " + spec);
      }
      return v.clone();
    };
  }

  /** Name/value pairs to a map: params("n.weight", f(1, 2), "n.bias", f(0)). */
  static Map<String, float[]> params(Object... pairs) {
    Map<String, float[]> map = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      map.put((String) pairs[i], (float[]) pairs[i + 1]);
    }
    return map;
  }

  /** Doubles (so expected values can be written as expressions such as Math.log(3)) to float32. */
  static float[] f(double... values) {
    float[] out = new float[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = (float) values[i];
    }
    return out;
  }

  /** 1, 2, ..., n. */
  static float[] range1(int n) {
    float[] out = new float[n];
    for (int i = 0; i < n; i++) {
      out[i] = i + 1;
    }
    return out;
  }

  static float[] filled(int n, float value) {
    float[] out = new float[n];
    Arrays.fill(out, value);
    return out;
  }

  static void assertClose(float[] expected, float[] actual, String what) {
    assertClose(expected, actual, REL, what);
  }

  static void assertClose(float[] expected, float[] actual, double rel, String what) {
    assertEquals(expected.length, actual.length, what + ": number of values");
    for (int i = 0; i < expected.length; i++) {
      double tol = rel * Math.max(1.0, Math.abs(expected[i]));
      if (!(Math.abs((double) actual[i] - expected[i]) <= tol)) {
        fail(
            what
                + ": value "
                + i
                + " expected "
                + expected[i]
                + " but was "
                + actual[i]
                + " (tolerance "
                + tol
                + ")\n expected "
                + Arrays.toString(expected)
                + "\n actual   "
                + Arrays.toString(actual));
      }
    }
  }
}

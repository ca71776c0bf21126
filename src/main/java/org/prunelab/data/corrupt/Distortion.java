package org.prunelab.data.corrupt;

import java.util.Random;

/** The image operation behind one {@link Corruption}. */
@FunctionalInterface
interface Distortion {

  /**
   * Distorts {@code p} (a private copy it may change) at {@code severity} in 1..5 and returns the
   * result, which the caller clamps to [0, 1].
   */
  Picture apply(Picture p, int severity, Random rng);
}

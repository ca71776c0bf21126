package org.prunelab.ui.allocation;

/**
 * A counter that makes job results stale: a job remembers the generation it was started in and its
 * result is shown only while no newer generation has begun (another model opened, the scores
 * replaced, a newer measurement started). FX thread only.
 */
final class Generation {
  private long value;

  /** Begins a new generation and returns it. */
  long advance() {
    return ++value;
  }

  /** The generation now. */
  long current() {
    return value;
  }

  /** Whether {@code ticket} is still the current generation. */
  boolean isCurrent(long ticket) {
    return ticket == value;
  }
}

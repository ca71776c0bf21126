package org.prunelab.service;

/** How a compression method makes a network smaller. */
public enum MethodFamily {
  /** Removes whole channels (coupled groups) by surgery: a smaller dense network. */
  STRUCTURED,
  /** Masks single weights; the masks are re-applied after every optimizer step when retraining. */
  UNSTRUCTURED,
  /** Replaces layers by factored pairs (grouped convolution + 1x1 convolution, or two Linear). */
  LOW_RANK
}

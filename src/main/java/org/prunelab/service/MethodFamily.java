package org.prunelab.service;

/** How a compression method makes a network smaller. */
public enum MethodFamily {
  /** Removes whole channels (coupled groups) by surgery: a smaller dense network. */
  STRUCTURED("removes channels"),
  /** Masks single weights; the masks are re-applied after every optimizer step when retraining. */
  UNSTRUCTURED("masks weights"),
  /** Replaces layers by factored pairs (grouped convolution + 1x1 convolution, or two Linear). */
  LOW_RANK("factors layers");

  private final String description;

  MethodFamily(String description) {
    this.description = description;
  }

  /** What the family does to a network, in a few words for help texts. */
  public String description() {
    return description;
  }
}

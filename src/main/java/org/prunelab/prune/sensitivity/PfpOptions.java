package org.prunelab.prune.sensitivity;

import org.prunelab.error.InvalidSettingException;

/**
 * How the batched PFP/SiPP sensitivities are computed; neither option changes the result.
 *
 * @param chunkSize images of S run through the network together (their activations are held at
 *     once)
 * @param memoryCapBytes upper bound on the largest intermediate array of one tile of the reduction
 *     (a tile's unfolded inputs or reciprocal denominators; on a GPU its products a_{jkp} /
 *     z_{ip}); smaller caps mean more, smaller tiles. A tile holds at least one image (on a GPU one
 *     output channel per group at one position), so a very large layer may exceed a tiny cap.
 */
public record PfpOptions(int chunkSize, long memoryCapBytes) {

  /** 64 images per chunk, tiles of at most 8 MiB. */
  public static final PfpOptions DEFAULT = new PfpOptions(64, 8L << 20);

  /** Rejects sizes that cannot work, naming the value. */
  public PfpOptions {
    if (chunkSize <= 0) {
      throw new InvalidSettingException("chunkSize must be > 0 images, got " + chunkSize);
    }
    if (memoryCapBytes < 1024) {
      throw new InvalidSettingException(
          "memoryCapBytes must be at least 1024, got " + memoryCapBytes);
    }
  }

  /** The same options with another chunk size. */
  public PfpOptions withChunkSize(int size) {
    return new PfpOptions(size, memoryCapBytes);
  }

  /** The same options with another memory cap. */
  public PfpOptions withMemoryCapBytes(long bytes) {
    return new PfpOptions(chunkSize, bytes);
  }

  /** Float32 elements that fit under the cap. */
  long capElements() {
    return memoryCapBytes / Float.BYTES;
  }
}

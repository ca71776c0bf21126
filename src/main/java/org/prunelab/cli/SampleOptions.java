package org.prunelab.cli;

import java.io.PrintWriter;
import org.prunelab.data.ImageDataset;
import org.prunelab.nn.Network;
import org.prunelab.prune.sensitivity.SampleSets;
import org.prunelab.service.SampleChoice;
import picocli.CommandLine.Option;

/**
 * Options that choose the sample set S of data-informed scores: its size (PFP's bound by default)
 * and seed.
 */
final class SampleOptions {
  @Option(
      names = "--samples",
      description =
          "Images in the sample set S (default: PFP's bound "
              + "ceil(3 ln(8 eta* eta / 1e-16)), at most the held-out pool).")
  Integer samples;

  @Option(
      names = "--sample-seed",
      defaultValue = "0",
      description = "Seed that draws S from the held-out pool " + "(default: ${DEFAULT-VALUE}).")
  long sampleSeed;

  /**
   * How S is drawn: {@code --samples} images, or PFP's bound capped by the pool, with a note on
   * {@code err} when the pool is smaller than the bound.
   */
  SampleChoice choice(Network network, ImageDataset pool, PrintWriter err) {
    if (samples == null) {
      int required = SampleSets.requiredSize(network);
      if (pool.size() < required) {
        err.println(
            "note: PFP's bound asks for "
                + required
                + " sample images; the held-out pool has "
                + pool.size()
                + " (raise --sample-set to hold out more)");
      }
    }
    return new SampleChoice(samples, sampleSeed);
  }
}

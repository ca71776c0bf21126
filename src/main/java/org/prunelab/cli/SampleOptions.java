package org.prunelab.cli;

import ai.djl.ndarray.NDManager;
import java.io.PrintWriter;
import org.prunelab.data.Batch;
import org.prunelab.data.DataSplits;
import org.prunelab.data.ImageDataset;
import org.prunelab.data.Normalization;
import org.prunelab.nn.Network;
import org.prunelab.prune.sensitivity.SampleSets;
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

  /** S as one normalised batch in {@code manager}, with a note on stderr of how it was chosen. */
  Batch load(
      Network network,
      DataSplits splits,
      Normalization normalization,
      NDManager manager,
      PrintWriter err) {
    ImageDataset pool = splits.sampleSet();
    int size;
    if (samples != null) {
      size = samples;
    } else {
      int required = SampleSets.requiredSize(network);
      size = Math.min(required, pool.size());
      if (size < required) {
        err.println(
            "note: PFP's bound asks for "
                + required
                + " sample images; the held-out pool has "
                + pool.size()
                + " (raise --sample-set to hold out more)");
      }
    }
    return SampleSets.batch(SampleSets.choose(pool, size, sampleSeed), normalization, manager);
  }
}

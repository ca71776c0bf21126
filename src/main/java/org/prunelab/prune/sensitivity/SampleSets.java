package org.prunelab.prune.sensitivity;

import ai.djl.ndarray.NDManager;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import org.prunelab.data.Batch;
import org.prunelab.data.DataLoader;
import org.prunelab.data.ImageDataset;
import org.prunelab.data.Normalization;
import org.prunelab.nn.Network;

/**
 * The sample set S of data-informed scores: its size from PFP's bound and its images drawn from a
 * data split. PFP's sensitivity estimates hold with probability 1 - delta_S when
 *
 * <pre>
 *   |S| = ceil( c ln( 8 eta* eta / delta_S ) ),   c = 3, delta_S = 1e-16,
 * </pre>
 *
 * eta being the number of neurons of the network (every output value of every Conv2d and Linear
 * layer, i.e. channels x positions) and eta* that of its largest layer (Liebenwein, Baykal et al.,
 * ICLR 2020); about 180 images for ResNet-20 on CIFAR-10.
 */
public final class SampleSets {
  /** The constant c of the bound. */
  public static final double C = 3;

  /** The failure probability delta_S of the bound. */
  public static final double DELTA = 1e-16;

  private SampleSets() {}

  /** |S| for the network's neuron counts. */
  public static int requiredSize(Network network) {
    long total = 0;
    long largest = 0;
    for (LayerGeometry l : LayerGeometry.of(network)) {
      long neurons = network.shapeOf(l.node()).size();
      total += neurons;
      largest = Math.max(largest, neurons);
    }
    if (total == 0) {
      throw new SensitivityException(
          "the network has no Conv2d or Linear layer, so it needs no sample set");
    }
    return requiredSize(total, largest);
  }

  /**
   * |S| = ceil(c ln(8 eta* eta / delta_S)) for eta neurons in all and eta* in the largest layer.
   *
   * @throws IllegalArgumentException if a count is not positive or eta* exceeds eta
   */
  public static int requiredSize(long totalNeurons, long largestLayerNeurons) {
    if (largestLayerNeurons <= 0 || totalNeurons < largestLayerNeurons) {
      throw new IllegalArgumentException(
          "need 0 < eta* <= eta, got eta = " + totalNeurons + ", eta* = " + largestLayerNeurons);
    }
    return (int) Math.ceil(C * Math.log(8.0 * largestLayerNeurons * totalNeurons / DELTA));
  }

  /**
   * {@code size} images drawn without replacement from {@code pool} (e.g. {@code
   * DataSplits.sampleSet()}) in a seeded random order; the same seed gives the same images.
   *
   * @throws SensitivityException if the pool has fewer images than asked for
   */
  public static ImageDataset choose(ImageDataset pool, int size, long seed) {
    if (size <= 0) {
      throw new SensitivityException("the sample set needs at least one image, asked for " + size);
    }
    if (size > pool.size()) {
      throw new SensitivityException(
          "asked for "
              + size
              + " sample images but "
              + pool.name()
              + "'s pool holds "
              + pool.size()
              + "; hold out more images for S (SplitOptions.sampleSetSize) or ask for fewer");
    }
    int[] order = new int[pool.size()];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Random rng = new Random(seed);
    for (int i = order.length - 1; i > 0; i--) {
      int j = rng.nextInt(i + 1);
      int t = order[i];
      order[i] = order[j];
      order[j] = t;
    }
    return pool.subset(java.util.Arrays.copyOf(order, size));
  }

  /**
   * All of {@code set} as one batch, normalised with {@code normalization}, in a child manager of
   * {@code parent}.
   */
  public static Batch batch(ImageDataset set, Normalization normalization, NDManager parent) {
    Iterator<Batch> it =
        new DataLoader(set, Math.max(1, set.size()), false, false, normalization, List.of(), 0)
            .epoch(0, parent)
            .iterator();
    if (!it.hasNext()) {
      throw new SensitivityException("the sample set " + set.name() + " is empty");
    }
    return it.next();
  }
}

package org.prunelab.service;

import java.util.Optional;
import org.prunelab.data.DataSplits;
import org.prunelab.data.Datasets;
import org.prunelab.data.SplitOptions;
import org.prunelab.job.JobContext;
import org.prunelab.nn.Devices;
import org.prunelab.nn.Network;
import org.prunelab.prune.ChannelGroups;
import org.prunelab.train.InputNormalization;
import org.prunelab.zoo.ModelResolver;
import org.prunelab.zoo.ZooOptions;

/**
 * Opens a model and its dataset as a job body (runs on the device worker): the network from {@link
 * ModelResolver} (zoo name, .plm or .onnx) on the preferred device, the data from {@link
 * Datasets#open} ({@value Datasets#SYNTHETIC} is the built-in labelled stand-in) split with {@link
 * #SPLIT}, the normalisation from the model file when it stores one, else from the training split.
 * Failures (corrupt file, unsupported operator, missing dataset) propagate as the library's
 * exceptions, whose messages name the problem; nothing is half-opened.
 */
public final class ModelLoader {
  /** Validation images held out (the allocation view measures accuracy on them). */
  public static final int VALIDATION_IMAGES = 5000;

  /** Images held out for the sample set S that data-informed scores use. */
  public static final int SAMPLE_IMAGES = 1000;

  /** How the official training set is split: the same split the sweep runner uses. */
  public static final SplitOptions SPLIT = new SplitOptions(VALIDATION_IMAGES, SAMPLE_IMAGES, 0);

  private ModelLoader() {}

  /**
   * Opens {@code source} with {@code dataset}; the caller owns (and must close) the returned
   * model's network.
   */
  public static LoadedModel load(String source, String dataset, JobContext ctx) {
    ctx.progress(0, 3, "reading data " + dataset);
    DataSplits data = Datasets.open(dataset, Optional.empty(), SPLIT);
    ctx.checkCancelled();
    ctx.progress(1, 3, "opening " + source);
    Network network = ModelResolver.open(source, ZooOptions.grey28(), Devices.preferred(), 0);
    try {
      ctx.checkCancelled();
      ctx.progress(2, 3, "tracing channel groups");
      LoadedModel model =
          new LoadedModel(
              source,
              dataset,
              network,
              data,
              InputNormalization.of(network).orElse(data.normalization()),
              network.summary(),
              ChannelGroups.trace(network).groups());
      ctx.progress(3, 3, "opened");
      return model;
    } catch (RuntimeException e) {
      network.close();
      throw e;
    }
  }
}

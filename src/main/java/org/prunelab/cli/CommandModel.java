package org.prunelab.cli;

import java.io.PrintWriter;
import org.prunelab.data.DataSplits;
import org.prunelab.data.ImageDataset;
import org.prunelab.data.Normalization;
import org.prunelab.error.InvalidSettingException;
import org.prunelab.nn.Network;
import org.prunelab.service.SampleChoice;
import org.prunelab.train.InputNormalization;

/**
 * The preamble every command that runs a model shares: the network {@code --model} names and, when
 * the command needs them, the {@code --dataset} splits and the input normalisation (the one the
 * model file stores, else the training split's). Data is read before the model is opened, so a
 * missing dataset costs no model load. Closing it closes the network.
 */
final class CommandModel implements AutoCloseable {
  private final Network network;
  private final DataSplits data;
  private final Normalization normalization;

  private CommandModel(Network network, DataSplits data, Normalization normalization) {
    this.network = network;
    this.data = data;
    this.normalization = normalization;
  }

  /** The model with its data and normalisation. */
  static CommandModel open(ModelOptions model, DataOptions data) {
    DataSplits splits = data.load();
    Network network = model.open();
    return new CommandModel(
        network, splits, InputNormalization.of(network).orElseGet(splits::normalization));
  }

  /** The model with its data when {@code needsData}, else the model alone. */
  static CommandModel open(ModelOptions model, DataOptions data, boolean needsData) {
    return needsData ? open(model, data) : new CommandModel(model.open(), null, null);
  }

  Network network() {
    return network;
  }

  /** Whether the command asked for data. */
  boolean hasData() {
    return data != null;
  }

  /** The dataset's splits; only when opened with data. */
  DataSplits data() {
    requireData();
    return data;
  }

  /** The input normalisation; only when opened with data. */
  Normalization normalization() {
    requireData();
    return normalization;
  }

  /** Whether the model file stores its own normalisation (else the training split's is used). */
  boolean storesNormalization() {
    return InputNormalization.of(network).isPresent();
  }

  /**
   * The sample set S as {@code --samples}/{@code --sample-seed} choose it, from the held-out pool.
   */
  SampleChoice samples(SampleOptions options, PrintWriter err) {
    return options.choice(network, data().sampleSet(), err);
  }

  /** The test split, or its first {@code images} when given. */
  ImageDataset testImages(Integer images) {
    ImageDataset test = data().test();
    if (images == null) {
      return test;
    }
    if (images < 1 || images > test.size()) {
      throw new InvalidSettingException(
          "--test-images must be between 1 and " + test.size() + ", got " + images);
    }
    return test.subset(java.util.stream.IntStream.range(0, images).toArray());
  }

  private void requireData() {
    if (data == null) {
      throw new IllegalStateException("this command opened the model without data");
    }
  }

  @Override
  public void close() {
    network.close();
  }
}

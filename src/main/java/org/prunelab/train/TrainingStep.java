package org.prunelab.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.training.GradientCollector;
import java.util.Map;
import org.prunelab.nn.Network;
import org.prunelab.nn.layer.Mode;

/**
 * One step of mini-batch gradient descent on the cross-entropy loss: forward in training mode,
 * backpropagation through DJL's autograd, one optimizer update. The caller owns the batch's scope;
 * gradients of the network's parameters must be enabled ({@code setRequiresGradient(true)}).
 */
public final class TrainingStep {
  private final Network network;
  private final Map<String, NDArray> parameters;
  private final Optimizer optimizer;

  /**
   * The outcome of a step: the batch's mean loss and per-sample ranks of the true class (0 = top-1
   * hit).
   */
  public record Result(float loss, int[] ranks) {}

  public TrainingStep(Network network, Map<String, NDArray> parameters, Optimizer optimizer) {
    this.network = network;
    this.parameters = parameters;
    this.optimizer = optimizer;
  }

  public Result run(NDArray images, NDArray labels, double lr) {
    float loss;
    int[] ranks;
    try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
      NDArray logits = network.forward(images, Mode.TRAIN);
      NDArray lossArray = Losses.crossEntropy(logits, labels);
      gc.backward(lossArray);
      loss = lossArray.getFloat();
      ranks = Losses.ranks(logits, labels);
    }
    if (Float.isFinite(loss)) {
      optimizer.step(parameters, lr);
    }
    return new Result(loss, ranks);
  }
}

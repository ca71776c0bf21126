package org.prunelab.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.Arrays;
import java.util.Map;
import org.prunelab.error.InvalidSettingException;
import org.prunelab.nn.Network;
import org.prunelab.nn.layer.Mode;

/**
 * Measures training and inference throughput (images per second) of a network on random inputs,
 * with the same protocol as the PyTorch reference script {@code
 * src/bench/python/torch_reference.py}: {@code warmup} untimed steps, then the median over {@code
 * repeats} windows of {@code steps} steps. A training step is forward, loss, backward and an SGD
 * update (momentum 0.9, Nesterov, weight decay 5e-4); an inference step is an eval-mode forward
 * without autograd.
 */
public final class Throughput {
  private final int batch;
  private final int warmup;
  private final int steps;
  private final int repeats;

  public Throughput(int batch, int warmup, int steps, int repeats) {
    if (batch <= 0 || warmup < 0 || steps <= 0 || repeats <= 0) {
      throw new InvalidSettingException(
          "benchmark needs batch, steps and repeats > 0 and warmup >= 0");
    }
    this.batch = batch;
    this.warmup = warmup;
    this.steps = steps;
    this.repeats = repeats;
  }

  /** Median training throughput in images per second. */
  public double training(Network network) {
    Map<String, NDArray> params = network.trainableParameters();
    params.values().forEach(p -> p.setRequiresGradient(true));
    try (NDManager scope = NDManager.newBaseManager(network.device());
        Optimizer optimizer = Optimizer.of(OptimizerSpec.sgd(0.9, true, 5e-4), scope)) {
      NDArray x = scope.randomNormal(new Shape(batch).addAll(network.inputShape()));
      NDArray y =
          scope.randomInteger(0, network.outputShape().get(0), new Shape(batch), DataType.INT64);
      TrainingStep step = new TrainingStep(network, params, optimizer);
      return median(
          () -> {
            try (NDManager stepScope = scope.newSubManager()) {
              step.run(copy(x, stepScope), y, 0.01);
            }
          });
    } finally {
      params.values().forEach(p -> p.setRequiresGradient(false));
    }
  }

  /** Median inference throughput in images per second. */
  public double inference(Network network) {
    try (NDManager scope = NDManager.newBaseManager(network.device())) {
      NDArray x = scope.randomNormal(new Shape(batch).addAll(network.inputShape()));
      return median(
          () -> {
            try (NDManager stepScope = scope.newSubManager()) {
              network.forward(copy(x, stepScope), Mode.EVAL).getFloat(0, 0);
            }
          });
    }
  }

  private static NDArray copy(NDArray x, NDManager scope) {
    NDArray c = x.duplicate();
    c.attach(scope);
    return c;
  }

  private double median(Runnable step) {
    for (int i = 0; i < warmup; i++) {
      step.run();
    }
    double[] rates = new double[repeats];
    for (int r = 0; r < repeats; r++) {
      long start = System.nanoTime();
      for (int i = 0; i < steps; i++) {
        step.run();
      }
      rates[r] = (double) batch * steps / ((System.nanoTime() - start) / 1e9);
    }
    Arrays.sort(rates);
    return repeats % 2 == 1
        ? rates[repeats / 2]
        : (rates[repeats / 2 - 1] + rates[repeats / 2]) / 2;
  }
}

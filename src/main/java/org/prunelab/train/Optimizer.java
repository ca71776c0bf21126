package org.prunelab.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import java.util.HashMap;
import java.util.Map;

/**
 * Applies one optimizer step to a network's trainable parameters from their accumulated gradients,
 * then zeroes the gradients. State (momentum buffers, Adam moments) lives in the optimizer's own
 * native scope: close it when training ends. Updates are in place and outside autograd.
 */
public abstract class Optimizer implements AutoCloseable {
  /** The optimizer's hyper-parameters. */
  protected final OptimizerSpec spec;

  private final NDManager state;
  private final Map<String, NDArray[]> buffers = new HashMap<>();
  private long steps;

  protected Optimizer(OptimizerSpec spec, NDManager parent) {
    this.spec = spec;
    this.state = parent.newSubManager();
  }

  /** The optimizer a spec describes, with its state on the parent manager's device. */
  public static Optimizer of(OptimizerSpec spec, NDManager parent) {
    return switch (spec.kind()) {
      case SGD -> new Sgd(spec, parent);
      case ADAM, ADAMW -> new Adam(spec, parent);
    };
  }

  /**
   * Updates every parameter with learning rate {@code lr} and clears its gradient. libtorch's
   * gradient mode is per thread and DJL switches it off only on the thread that first started the
   * engine; on any other thread (a job worker) the in-place update would fail with "a leaf Variable
   * that requires grad is being used in an in-place operation", so the step switches it off on its
   * own thread first.
   */
  public final void step(Map<String, NDArray> parameters, double lr) {
    JniUtils.setGradMode(false);
    steps++;
    for (Map.Entry<String, NDArray> e : parameters.entrySet()) {
      NDArray weight = e.getValue();
      try (NDManager scope = state.newSubManager()) {
        NDArray grad = weight.getGradient();
        grad.attach(scope);
        NDArray[] own = buffers.computeIfAbsent(e.getKey(), k -> newBuffers(weight));
        update(weight, grad, own, lr, steps, scope);
      }
      JniUtils.zeroGrad((PtNDArray) weight);
    }
  }

  /** Number of steps taken so far. */
  public long steps() {
    return steps;
  }

  /** Fresh state buffers (zeros like the weight) for one parameter. */
  protected abstract NDArray[] newBuffers(NDArray weight);

  /** Updates {@code weight} in place; temporaries go to {@code scope}. */
  protected abstract void update(
      NDArray weight, NDArray grad, NDArray[] state, double lr, long step, NDManager scope);

  protected NDArray zerosLike(NDArray weight) {
    return state.zeros(weight.getShape(), weight.getDataType());
  }

  /** Attaches an intermediate result to the step scope so it is freed with it. */
  protected static NDArray scoped(NDArray array, NDManager scope) {
    array.attach(scope);
    return array;
  }

  @Override
  public void close() {
    state.close();
  }
}

package org.prunelab.service;

import ai.djl.Device;
import ai.djl.pytorch.jni.JniUtils;
import org.prunelab.nn.Devices;

/**
 * Starts the engine (libtorch through DJL) on the calling thread, the thread that will run the
 * jobs, and sets how many threads its kernels use. What comes back is plain text for a status bar.
 *
 * @param device the compute device, e.g. "cpu" or the GPU's name
 * @param engine the engine and its version
 */
public record EngineStart(String device, String engine) {
  /**
   * Starts the engine with {@code threads} compute threads for libtorch's kernels.
   *
   * @throws org.prunelab.error.PruneLabException when the engine cannot start
   */
  public static EngineStart start(int threads) {
    Device device = Devices.preferred();
    JniUtils.setNumThreads(Math.max(1, threads));
    return new EngineStart(Devices.describe(device), Devices.engineDescription());
  }
}

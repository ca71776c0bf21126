package org.prunelab.nn;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.engine.EngineException;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.prunelab.error.InvalidSettingException;
import org.prunelab.error.PruneLabException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The device PruneLab computes on: a CUDA GPU when libtorch for CUDA and a GPU are present (Maven
 * profile {@code gpu}), else the CPU. Also describes the engine for status lines.
 */
public final class Devices {
  private static final Logger LOG = LoggerFactory.getLogger(Devices.class);
  private static volatile Device preferred;

  private Devices() {}

  /** The default device, logged once when first asked for. */
  public static Device preferred() {
    if (preferred == null) {
      synchronized (Devices.class) {
        if (preferred == null) {
          preferred = Engine.getInstance().defaultDevice();
          LOG.info("Computing on {} with {}", describe(preferred), engineDescription());
        }
      }
    }
    return preferred;
  }

  /**
   * Resolves a user's device choice: "auto", "cpu", "gpu" or "gpu:N".
   *
   * @throws InvalidSettingException when the name is none of these
   */
  public static Device parse(String name) {
    if (name == null || name.equals("auto")) {
      return preferred();
    }
    Device d;
    try {
      d = Device.fromName(name);
    } catch (IllegalArgumentException e) {
      throw unknownDevice(name, e);
    }
    if (!d.isGpu() && !Device.Type.CPU.equals(d.getDeviceType())) {
      throw unknownDevice(name, null);
    }
    if (d.isGpu() && Engine.getInstance().getGpuCount() <= d.getDeviceId()) {
      throw new PruneLabException(
          "device "
              + name
              + " is not available: this machine has "
              + Engine.getInstance().getGpuCount()
              + " usable GPU(s); use --device cpu, or build with -Pgpu on a CUDA "
              + "machine");
    }
    if (d.isGpu()) {
      requireUsable(d, name);
    }
    return d;
  }

  /**
   * Allocates one number on {@code device}: a libtorch built for the CPU only reports GPUs it then
   * refuses to use ("not linked with support for cuda devices").
   */
  private static void requireUsable(Device device, String name) {
    try (NDManager probe = NDManager.newBaseManager(device)) {
      probe.zeros(new Shape(1));
    } catch (EngineException | IllegalArgumentException e) {
      throw new PruneLabException(
          "device "
              + name
              + " is not usable, this libtorch has no CUDA kernels ("
              + firstSentence(String.valueOf(e.getMessage()))
              + "); use --device cpu, or run a build with -Pgpu (libtorch for CUDA)",
          e);
    }
  }

  /** The engine's message up to its first full stop, at most 120 characters. */
  private static String firstSentence(String message) {
    int stop = message.indexOf(". ");
    String first = stop < 0 ? message : message.substring(0, stop);
    return first.length() <= 120 ? first : first.substring(0, 117) + "...";
  }

  private static InvalidSettingException unknownDevice(
      String name, IllegalArgumentException cause) {
    return new InvalidSettingException(
        "--device must be auto, cpu, gpu or gpu:N (N a GPU index), got '" + name + "'", cause);
  }

  public static String describe(Device device) {
    return device.isGpu() ? "GPU " + device.getDeviceId() : "CPU";
  }

  /** Engine name and version with its thread count, e.g. "PyTorch 2.7.1 (2 threads)". */
  public static String engineDescription() {
    Engine engine = Engine.getInstance();
    return engine.getEngineName()
        + " "
        + engine.getVersion()
        + " ("
        + ai.djl.pytorch.jni.JniUtils.getNumThreads()
        + " threads)";
  }
}

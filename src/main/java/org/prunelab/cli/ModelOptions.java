package org.prunelab.cli;

import ai.djl.Device;
import ai.djl.ndarray.types.Shape;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.prunelab.error.InvalidSettingException;
import org.prunelab.nn.Devices;
import org.prunelab.nn.Network;
import org.prunelab.zoo.ModelResolver;
import org.prunelab.zoo.ZooOptions;
import picocli.CommandLine.Option;

/**
 * Options that choose a model: a zoo name with its input shape, classes and width, a PruneLab model
 * file, or an ONNX file (with the sample shape where the file leaves it symbolic).
 */
final class ModelOptions {
  @Option(
      names = "--model",
      required = true,
      description =
          "Built-in model name (lenet-300-100, lenet5, vgg11, "
              + "vgg16, resnet20, resnet56), a .plm model file or an .onnx file (imported; see --input-shape).")
  String model;

  @Option(
      names = "--input-shape",
      paramLabel = "CxHxW",
      description =
          "Sample shape of an .onnx model whose input "
              + "has symbolic dimensions, without the batch axis, e.g. 1x28x28 (default: the shape the file declares).")
  String inputShape;

  @Option(
      names = "--input",
      defaultValue = "1x28x28",
      description = "Input shape CxHxW of a zoo model " + "(default: ${DEFAULT-VALUE}).")
  String input;

  @Option(
      names = "--classes",
      defaultValue = "10",
      description = "Classes of a zoo model (default: ${DEFAULT-VALUE}).")
  int classes;

  @Option(
      names = "--width",
      defaultValue = "1.0",
      description = "Width multiplier of a zoo model " + "(default: ${DEFAULT-VALUE}).")
  double width;

  @Option(
      names = "--seed",
      defaultValue = "0",
      description = "Seed of initial weights, data order and splits.")
  long seed;

  @Option(
      names = "--device",
      defaultValue = "auto",
      description = "auto, cpu or gpu[:N] (default: ${DEFAULT-VALUE}).")
  String device;

  /**
   * Refuses to write {@code out} over the model file it reads, unless {@code force}: the input
   * would be replaced (and, should the write fail, lost).
   *
   * @throws InvalidSettingException naming both and the way out
   */
  void requireOutputIsNotTheModel(Path out, boolean force) {
    Path input = Path.of(model);
    boolean same;
    try {
      boolean bothExist = Files.exists(out) && Files.exists(input);
      same =
          bothExist
              ? Files.isSameFile(out, input)
              : out.toAbsolutePath().normalize().equals(input.toAbsolutePath().normalize());
    } catch (IOException e) {
      same = false;
    }
    if (same && !force) {
      throw new InvalidSettingException(
          "--out "
              + out
              + " is the model read with --model: writing it would replace the input; choose another"
              + " file, or add --force to replace it");
    }
  }

  ZooOptions zooOptions() {
    String[] parts = input.toLowerCase(Locale.ROOT).split("x");
    if (parts.length != 3) {
      throw new InvalidSettingException(
          "--input must be CxHxW, e.g. 1x28x28 or 3x32x32; got '" + input + "'");
    }
    try {
      return new ZooOptions(
          Integer.parseInt(parts[0]),
          Integer.parseInt(parts[1]),
          Integer.parseInt(parts[2]),
          classes,
          width);
    } catch (NumberFormatException e) {
      throw new InvalidSettingException(
          "--input must be CxHxW with whole numbers, got '" + input + "'", e);
    }
  }

  /** The parsed --input-shape, or null when it is not given. */
  Shape onnxInputShape() {
    if (inputShape == null) {
      return null;
    }
    String[] parts = inputShape.toLowerCase(Locale.ROOT).split("x", -1);
    long[] dims = new long[parts.length];
    for (int i = 0; i < parts.length; i++) {
      dims[i] = positiveDimension(parts[i]);
    }
    return new Shape(dims);
  }

  private long positiveDimension(String part) {
    try {
      long d = Long.parseLong(part.strip());
      if (d > 0) {
        return d;
      }
    } catch (NumberFormatException e) {
      // not a number: reported below like a non-positive one
    }
    throw new InvalidSettingException(
        "--input-shape must be positive whole numbers joined by x, without the batch "
            + "axis, e.g. 1x28x28; got '"
            + inputShape
            + "'");
  }

  Device resolveDevice() {
    return Devices.parse(device);
  }

  Network open() {
    return ModelResolver.open(model, zooOptions(), onnxInputShape(), resolveDevice(), seed);
  }
}

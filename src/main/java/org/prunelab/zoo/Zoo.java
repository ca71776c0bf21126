package org.prunelab.zoo;

import ai.djl.Device;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.prunelab.error.PruneLabException;
import org.prunelab.nn.Network;
import org.prunelab.nn.NetworkBuilder;

/**
 * The built-in architectures by name: lenet-300-100, lenet5, vgg11, vgg16 (both with BatchNorm),
 * resnet20 and resnet56 (CIFAR-style). Each is built for given input channels, size, classes and
 * width multiplier, with seeded initial weights.
 */
public final class Zoo {
  private static final Map<String, Function<ZooOptions, NetworkBuilder>> MODELS =
      new LinkedHashMap<>();

  static {
    MODELS.put("lenet-300-100", LeNet::lenet300100);
    MODELS.put("lenet5", LeNet::lenet5);
    MODELS.put("vgg11", o -> Vgg.vgg(Vgg.VGG11, o));
    MODELS.put("vgg16", o -> Vgg.vgg(Vgg.VGG16, o));
    MODELS.put("resnet20", o -> ResNet.resnet(20, o));
    MODELS.put("resnet56", o -> ResNet.resnet(56, o));
  }

  private Zoo() {}

  /** Names of the built-in architectures. */
  public static List<String> names() {
    return List.copyOf(MODELS.keySet());
  }

  public static boolean contains(String name) {
    return MODELS.containsKey(normalise(name));
  }

  /** Builds the named architecture with seeded initial weights on the device. */
  public static Network create(String name, ZooOptions options, Device device, long seed) {
    NetworkBuilder builder = builder(name, options);
    builder.metadata("architecture", normalise(name));
    builder.metadata("width", Double.toString(options.widthMultiplier()));
    return builder.build(device, seed);
  }

  /** The graph of the named architecture, before parameters are attached. */
  public static NetworkBuilder builder(String name, ZooOptions options) {
    Function<ZooOptions, NetworkBuilder> factory = MODELS.get(normalise(name));
    if (factory == null) {
      throw new PruneLabException(
          "unknown model '"
              + name
              + "'; built-in models: "
              + String.join(", ", names())
              + ", or give the path of a .plm or .onnx file");
    }
    return factory.apply(options);
  }

  private static String normalise(String name) {
    String n = name.toLowerCase(Locale.ROOT).replace("_", "-");
    return switch (n) {
      case "lenet300-100", "lenet-300", "lenet300" -> "lenet-300-100";
      case "lenet-5" -> "lenet5";
      case "resnet-20" -> "resnet20";
      case "resnet-56" -> "resnet56";
      case "vgg-11", "vgg11-bn", "vgg11bn" -> "vgg11";
      case "vgg-16", "vgg16-bn", "vgg16bn" -> "vgg16";
      default -> n;
    };
  }
}

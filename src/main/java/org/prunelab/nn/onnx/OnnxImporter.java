package org.prunelab.nn.onnx;

import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.OperatorSetIdProto;
import com.google.protobuf.CodedInputStream;
import com.google.protobuf.InvalidProtocolBufferException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.prunelab.nn.Network;
import org.prunelab.nn.layer.ShapeException;

/**
 * Imports an ONNX model (opsets 11 to 21; files written by {@code torch.onnx.export}, TorchScript
 * or dynamo) as a PruneLab {@link Network}. The graph is converted and checked completely in Java
 * memory first; only then are the parameters allocated on the device, so a file that fails leaves
 * nothing behind. Parameters keep the initializer names where the file has PyTorch's ({@code
 * conv1.weight}); BatchNorm folded into convolutions by the exporter and BatchNormalization nodes
 * both load. The network's metadata holds the file's metadata_props (such as the input
 * normalisation PruneLab's export writes, so an exported model evaluates on the inputs it was
 * trained on) and records the format, producer, opset, file and architecture (the file name), which
 * take precedence.
 *
 * <p>Mapping, refusals and their reasons: docs/adr/0004-onnx-import.md.
 */
public final class OnnxImporter {
  /** Oldest and newest default-domain opset the import reads. */
  public static final int MIN_OPSET = 11;

  public static final int MAX_OPSET = 21;

  /** Metadata keys the import sets. */
  public static final String META_FORMAT = "format";

  public static final String META_PRODUCER = "onnx.producer";
  public static final String META_OPSET = "onnx.opset";
  public static final String META_FILE = "onnx.file";

  private static final long MAX_FILE_BYTES = Integer.MAX_VALUE - 8;

  private OnnxImporter() {}

  /**
   * Reads and imports an ONNX file.
   *
   * @throws OnnxImportException when the file is missing, unreadable, not ONNX, damaged, or uses an
   *     operator or shape PruneLab does not map; the message names the node and what to do
   */
  public static Network load(Path file, OnnxImportOptions options) {
    if (!Files.isRegularFile(file)) {
      throw new OnnxImportException(
          "ONNX file "
              + file
              + " does not exist or is not a file; give the path of a "
              + ".onnx file");
    }
    byte[] bytes;
    try {
      if (Files.size(file) > MAX_FILE_BYTES) {
        throw new OnnxImportException(
            file
                + " is larger than 2 GB; PruneLab reads self-contained ONNX files below "
                + "that size");
      }
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new OnnxImportException("cannot read ONNX file " + file + ": " + e.getMessage(), e);
    }
    return load(bytes, file.toString(), options);
  }

  /**
   * Imports an ONNX model from its bytes; {@code source} names it in messages and metadata.
   *
   * @throws OnnxImportException as {@link #load(Path, OnnxImportOptions)}
   */
  public static Network load(byte[] bytes, String source, OnnxImportOptions options) {
    try {
      ModelProto model = parse(bytes, source);
      int opset = opset(model, source);
      GraphConverter converter = new GraphConverter(model.getGraph(), opset, source);
      PlannedGraph plan = converter.convert(options.inputShape());
      String output = converter.outputNode();
      Map<String, String> metadata = new LinkedHashMap<>();
      model.getMetadataPropsList().forEach(p -> metadata.put(p.getKey(), p.getValue()));
      metadata.put(META_FORMAT, "onnx");
      metadata.put(
          META_PRODUCER, (model.getProducerName() + " " + model.getProducerVersion()).strip());
      metadata.put(META_OPSET, String.valueOf(opset));
      metadata.put(META_FILE, source);
      metadata.put("architecture", stem(source));
      try {
        return plan.build(output, metadata, options.device());
      } catch (ShapeException e) {
        // the file asks for more than PruneLab holds (TensorLimits): its problem, not a bug
        throw new OnnxImportException(source + ": " + e.getMessage(), e);
      } catch (RuntimeException e) {
        throw new OnnxImportException(
            source
                + ": the converted network could not be built ("
                + GraphConverter.describe(e)
                + "); please report this with the file",
            e);
      }
    } catch (OnnxImportException e) {
      throw e;
    } catch (RuntimeException e) {
      // the converter names the node for every problem it knows; anything else still reaches the
      // user as a model
      // file problem, never as a bare runtime exception
      throw new OnnxImportException(
          source + ": cannot import (" + GraphConverter.describe(e) + ")", e);
    }
  }

  /**
   * The file name without folders and without ".onnx": what the model table shows as the
   * architecture.
   */
  private static String stem(String source) {
    String name = source.substring(Math.max(source.lastIndexOf('/'), source.lastIndexOf('\\')) + 1);
    return name.endsWith(".onnx") ? name.substring(0, name.length() - ".onnx".length()) : name;
  }

  private static ModelProto parse(byte[] bytes, String source) {
    if (bytes.length == 0) {
      throw new OnnxImportException(source + " is empty, not an ONNX model");
    }
    ModelProto model;
    try {
      CodedInputStream in = CodedInputStream.newInstance(bytes);
      in.enableAliasing(true);
      model = ModelProto.parseFrom(in);
    } catch (InvalidProtocolBufferException e) {
      throw new OnnxImportException(
          source
              + " is not a readable ONNX model: it is truncated, damaged or another "
              + "kind of file ("
              + GraphConverter.describe(e)
              + "); export it again with torch.onnx.export",
          e);
    } catch (IOException e) {
      throw new OnnxImportException("cannot read " + source + ": " + e.getMessage(), e);
    }
    if (!model.hasIrVersion()
        || model.getIrVersion() <= 0
        || !model.hasGraph()
        || model.getGraph().getNodeCount() == 0) {
      throw new OnnxImportException(
          source
              + " is not an ONNX model (no IR version or no graph nodes); an ONNX "
              + "model is written by torch.onnx.export or onnx.save");
    }
    return model;
  }

  private static int opset(ModelProto model, String source) {
    long opset = -1;
    for (OperatorSetIdProto o : model.getOpsetImportList()) {
      if (o.getDomain().isEmpty() || o.getDomain().equals("ai.onnx")) {
        opset = o.getVersion();
      }
    }
    if (opset < 0) {
      throw new OnnxImportException(
          source
              + " imports no default (ai.onnx) operator set; it is damaged or not a "
              + "neural network ONNX file");
    }
    if (opset < MIN_OPSET || opset > MAX_OPSET) {
      throw new OnnxImportException(
          source
              + " uses ONNX opset "
              + opset
              + "; PruneLab imports opsets "
              + MIN_OPSET
              + " to "
              + MAX_OPSET
              + ": export again with torch.onnx.export(..., opset_version=17)");
    }
    return (int) opset;
  }
}

package org.prunelab.nn;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.CheckedInputStream;
import java.util.zip.CheckedOutputStream;
import org.prunelab.nn.layer.Layer;
import org.prunelab.nn.layer.ShapeException;

/**
 * PruneLab's own model file ({@code .plm}): the graph as JSON (input shape, nodes with their layer
 * configuration, metadata) followed by every parameter and buffer as raw float32, protected by a
 * CRC-32. Loading restores the network exactly: the same outputs bit for bit. Files are written
 * atomically (temporary file, then rename), so a crash never leaves half a model behind.
 */
public final class Checkpoint {
  /** File name extension of PruneLab model files. */
  public static final String EXTENSION = ".plm";

  private static final byte[] MAGIC = "PRUNELAB-MODEL\n".getBytes(StandardCharsets.US_ASCII);
  private static final int FORMAT_VERSION = 1;
  private static final int MAX_JSON_BYTES = 64 << 20;
  private static final ObjectMapper JSON = new ObjectMapper();

  private Checkpoint() {}

  /** The graph part of a model file. */
  record GraphSpec(long[] inputShape, List<Node> nodes, Map<String, String> metadata) {}

  /** Writes the network to {@code file} atomically. */
  public static void save(Network network, Path file) {
    try {
      AtomicFiles.write(
          file,
          temp -> {
            try (OutputStream raw = Files.newOutputStream(temp)) {
              write(network, raw);
            }
          });
    } catch (IOException e) {
      throw new ModelFileException("cannot write model file " + file + ": " + e.getMessage(), e);
    }
  }

  private static void write(Network network, OutputStream raw) throws IOException {
    CRC32 crc = new CRC32();
    DataOutputStream out =
        new DataOutputStream(new CheckedOutputStream(new BufferedOutputStream(raw, 1 << 16), crc));
    out.write(MAGIC);
    out.writeInt(FORMAT_VERSION);
    byte[] json =
        JSON.writeValueAsBytes(
            new GraphSpec(network.inputShape().getShape(), network.nodes(), network.metadata()));
    out.writeInt(json.length);
    out.write(json);
    out.writeInt(network.parameters().size());
    for (Map.Entry<String, NDArray> e : network.parameters().entrySet()) {
      out.writeUTF(e.getKey());
      float[] values = e.getValue().toFloatArray();
      out.writeInt(values.length);
      for (float v : values) {
        out.writeFloat(v);
      }
    }
    out.flush();
    DataOutputStream tail = new DataOutputStream(raw);
    tail.writeLong(crc.getValue());
    tail.flush();
  }

  /**
   * Reads a model file onto the device.
   *
   * @throws ModelFileException when the file is missing, not a PruneLab model, truncated, corrupt,
   *     or written by a newer version
   */
  public static Network load(Path file, Device device) {
    if (!Files.isRegularFile(file)) {
      throw new ModelFileException(
          "model file "
              + file
              + " does not exist; give a zoo name (see `prunelab info "
              + "--help`) or the path of a .plm or .onnx file");
    }
    try (InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
      return read(file, raw, Files.size(file), device);
    } catch (EOFException e) {
      throw new ModelFileException(
          "model file "
              + file
              + " is truncated (it ends early); copy it again or re-export"
              + " it",
          e);
    } catch (IOException e) {
      throw new ModelFileException("cannot read model file " + file + ": " + e.getMessage(), e);
    }
  }

  private static Network read(Path file, InputStream raw, long fileSize, Device device)
      throws IOException {
    CRC32 crc = new CRC32();
    DataInputStream in = new DataInputStream(new CheckedInputStream(raw, crc));
    byte[] magic = in.readNBytes(MAGIC.length);
    if (magic.length < MAGIC.length && Arrays.equals(magic, Arrays.copyOf(MAGIC, magic.length))) {
      throw new EOFException("header cut short");
    }
    if (!Arrays.equals(magic, MAGIC)) {
      throw new ModelFileException(
          file + " is not a PruneLab model file (.plm); ONNX files end in .onnx");
    }
    int version = in.readInt();
    if (version != FORMAT_VERSION) {
      throw new ModelFileException(
          file
              + " has model format version "
              + version
              + "; this PruneLab reads version "
              + FORMAT_VERSION
              + ": update PruneLab");
    }
    int jsonLength = in.readInt();
    if (jsonLength <= 0 || jsonLength > MAX_JSON_BYTES) {
      throw corrupt(file, "graph length " + jsonLength);
    }
    byte[] json = new byte[jsonLength];
    in.readFully(json);
    GraphSpec graph;
    try {
      graph = JSON.readValue(json, GraphSpec.class);
    } catch (IOException | IllegalArgumentException e) {
      throw corrupt(file, "graph description unreadable (" + e.getMessage() + ")");
    }
    int count = in.readInt();
    if (count < 0 || count > fileSize) {
      throw corrupt(file, "parameter count " + count);
    }
    Map<String, float[]> values = new HashMap<>();
    for (int i = 0; i < count; i++) {
      String name = in.readUTF();
      int length = in.readInt();
      if (length < 0 || 4L * length > fileSize) {
        throw corrupt(
            file,
            "parameter "
                + name
                + " claims "
                + length
                + " values, more than the file holds; "
                + "truncated?");
      }
      float[] v = new float[length];
      for (int j = 0; j < length; j++) {
        v[j] = in.readFloat();
      }
      values.put(name, v);
    }
    long expected = crc.getValue();
    long stored = new DataInputStream(raw).readLong();
    if (stored != expected) {
      throw corrupt(file, "checksum mismatch");
    }
    return rebuild(file, graph, values, device);
  }

  private static Network rebuild(
      Path file, GraphSpec graph, Map<String, float[]> values, Device device) {
    if (graph.inputShape() == null || graph.nodes() == null || graph.nodes().isEmpty()) {
      throw corrupt(file, "graph without input shape or nodes");
    }
    NetworkBuilder builder = Network.builder(new Shape(graph.inputShape()));
    if (graph.metadata() != null) {
      graph.metadata().forEach(builder::metadata);
    }
    try {
      for (Node node : graph.nodes()) {
        Layer layer = node.layer();
        builder.add(node.name(), layer, node.inputs().toArray(String[]::new));
      }
    } catch (ShapeException | IllegalArgumentException e) {
      throw corrupt(file, "inconsistent graph: " + e.getMessage());
    }
    return builder.build(
        device,
        (name, spec) -> {
          float[] v = values.get(name);
          if (v == null) {
            throw corrupt(file, "parameter " + name + " is missing");
          }
          return v;
        });
  }

  private static ModelFileException corrupt(Path file, String what) {
    return new ModelFileException(
        "model file "
            + file
            + " is corrupt ("
            + what
            + "); copy it again or re-save it "
            + "from the network that made it");
  }
}

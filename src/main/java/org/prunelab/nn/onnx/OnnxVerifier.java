package org.prunelab.nn.onnx;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import org.prunelab.nn.Network;
import org.prunelab.nn.TensorLimits;
import org.prunelab.nn.layer.Mode;

/**
 * Runs a network in PruneLab (eval mode) and an ONNX file in ONNX Runtime on the same inputs and
 * compares the outputs ({@link VerificationReport}). Used by {@code prunelab verify} and by the
 * export tests. Holds one ONNX Runtime session; close it when done.
 */
public final class OnnxVerifier implements AutoCloseable {
  /** Samples per forward pass on either side. */
  static final int BATCH = 64;

  private final Network network;
  private final Path file;
  private final OrtEnvironment env;
  private final OrtSession session;
  private final String inputName;

  private OnnxVerifier(
      Network network, Path file, OrtEnvironment env, OrtSession session, String inputName) {
    this.network = network;
    this.file = file;
    this.env = env;
    this.session = session;
    this.inputName = inputName;
  }

  /**
   * Opens {@code onnxFile} in ONNX Runtime for comparison with {@code network}.
   *
   * @throws OnnxVerificationException when the file is missing, not a model ONNX Runtime can load,
   *     or does not take one input of the network's input shape
   */
  public static OnnxVerifier open(Network network, Path onnxFile) {
    if (!Files.isRegularFile(onnxFile)) {
      throw new OnnxVerificationException(
          "ONNX file "
              + onnxFile
              + " does not exist; export one with `prunelab "
              + "export` or leave out --onnx to verify a fresh export");
    }
    OrtEnvironment env = OrtEnvironment.getEnvironment();
    OrtSession session;
    try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
      session = env.createSession(onnxFile.toString(), options);
    } catch (OrtException e) {
      throw new OnnxVerificationException(
          "ONNX Runtime cannot load " + onnxFile + ": " + e.getMessage() + "; is it an ONNX model?",
          e);
    }
    try {
      return new OnnxVerifier(
          network, onnxFile, env, session, checkInput(network, onnxFile, session));
    } catch (OrtException e) {
      closeQuietly(session);
      throw new OnnxVerificationException(
          "ONNX Runtime cannot describe the inputs of " + onnxFile + ": " + e.getMessage(), e);
    } catch (RuntimeException e) {
      closeQuietly(session);
      throw e;
    }
  }

  /**
   * Opens the file, compares {@code samples} standard normal inputs drawn with {@code seed}, and
   * closes the session: the one-call form for tests.
   */
  public static VerificationReport verify(Network network, Path onnxFile, int samples, long seed) {
    try (OnnxVerifier verifier = open(network, onnxFile)) {
      return verifier.compareRandom(samples, seed);
    }
  }

  /**
   * {@code samples} inputs of the network's shape with values drawn from N(0, 1) with {@code seed}.
   */
  public static float[] randomInputs(Shape sampleShape, int samples, long seed) {
    if (samples <= 0) {
      throw new IllegalArgumentException("the number of samples must be positive, got " + samples);
    }
    Random random = new Random(seed);
    long[] dims = new long[sampleShape.dimension() + 1];
    dims[0] = samples;
    System.arraycopy(sampleShape.getShape(), 0, dims, 1, sampleShape.dimension());
    long size = TensorLimits.elements(samples + " verification samples", new Shape(dims));
    float[] data = new float[(int) size];
    for (int i = 0; i < data.length; i++) {
      data[i] = (float) random.nextGaussian();
    }
    return data;
  }

  /** Compares the outputs on {@code samples} standard normal inputs drawn with {@code seed}. */
  public VerificationReport compareRandom(int samples, long seed) {
    return compare(
        "random normal (seed " + seed + ")",
        randomInputs(network.inputShape(), samples, seed),
        samples);
  }

  /**
   * Compares the outputs on given inputs.
   *
   * @param inputs what the inputs are, for the report
   * @param data {@code samples} inputs of the network's input shape, one after the other (already
   *     normalised)
   */
  public VerificationReport compare(String inputs, float[] data, int samples) {
    long size = network.inputShape().size();
    if (samples <= 0 || data.length != samples * size) {
      throw new IllegalArgumentException(
          samples
              + " inputs of shape "
              + network.inputShape()
              + " need "
              + samples * size
              + " values, got "
              + data.length);
    }
    long outSize = network.outputShape().size();
    float[] reference = new float[Math.toIntExact(samples * outSize)];
    float[] candidate = new float[reference.length];
    for (int start = 0; start < samples; start += BATCH) {
      int n = Math.min(BATCH, samples - start);
      float[] batch =
          Arrays.copyOfRange(
              data, Math.toIntExact(start * size), Math.toIntExact((start + n) * size));
      int offset = Math.toIntExact(start * outSize);
      System.arraycopy(prunelab(batch, n), 0, reference, offset, Math.toIntExact(n * outSize));
      System.arraycopy(onnxRuntime(batch, n), 0, candidate, offset, Math.toIntExact(n * outSize));
    }
    return VerificationReport.compare(inputs, reference, candidate, samples);
  }

  private float[] prunelab(float[] batch, int n) {
    try (NDManager scope = NDManager.newBaseManager(network.device())) {
      return network
          .forward(scope.create(batch, new Shape(n).addAll(network.inputShape())), Mode.EVAL)
          .toFloatArray();
    }
  }

  private float[] onnxRuntime(float[] batch, int n) {
    long[] shape = new Shape(n).addAll(network.inputShape()).getShape();
    try (OnnxTensor input = OnnxTensor.createTensor(env, FloatBuffer.wrap(batch), shape);
        OrtSession.Result result = session.run(Map.of(inputName, input))) {
      OnnxValue value = result.get(0);
      if (!(value instanceof OnnxTensor tensor) || tensor.getInfo().type != OnnxJavaType.FLOAT) {
        throw new OnnxVerificationException(
            file + " does not return a float32 tensor first (" + value.getInfo() + ")");
      }
      FloatBuffer values = tensor.getFloatBuffer();
      long expected = n * network.outputShape().size();
      if (values.remaining() != expected) {
        throw new OnnxVerificationException(
            file
                + " returns "
                + values.remaining()
                + " values for "
                + n
                + " samples, the network "
                + expected
                + " (output "
                + network.outputShape()
                + " per sample); is it "
                + "the same model?");
      }
      float[] out = new float[values.remaining()];
      values.get(out);
      return out;
    } catch (OrtException e) {
      throw new OnnxVerificationException(
          "ONNX Runtime failed to run " + file + ": " + e.getMessage(), e);
    }
  }

  private static String checkInput(Network network, Path file, OrtSession session)
      throws OrtException {
    Map<String, NodeInfo> inputs = session.getInputInfo();
    if (inputs.size() != 1) {
      throw new OnnxVerificationException(
          file
              + " takes "
              + inputs.size()
              + " inputs "
              + inputs.keySet()
              + "; a PruneLab network takes one");
    }
    Map.Entry<String, NodeInfo> input = inputs.entrySet().iterator().next();
    long[] expected = network.inputShape().getShape();
    long[] dims = input.getValue().getInfo() instanceof TensorInfo t ? t.getShape() : new long[0];
    boolean fits = dims.length == expected.length + 1;
    for (int i = 0; fits && i < expected.length; i++) {
      fits = dims[i + 1] == expected[i] || dims[i + 1] < 0;
    }
    if (!fits) {
      throw new OnnxVerificationException(
          file
              + " takes input '"
              + input.getKey()
              + "' of shape "
              + Arrays.toString(dims)
              + " but the network takes (N, "
              + dims(expected)
              + "); is it the same model?");
    }
    return input.getKey();
  }

  private static String dims(long[] shape) {
    return String.join(", ", Arrays.stream(shape).mapToObj(Long::toString).toList());
  }

  private static void closeQuietly(OrtSession session) {
    try {
      session.close();
    } catch (OrtException ignored) {
      // closing a session that failed its checks; the check's error is the one to report
    }
  }

  @Override
  public void close() {
    try {
      session.close();
    } catch (OrtException e) {
      throw new OnnxVerificationException("ONNX Runtime could not close its session of " + file, e);
    }
  }
}

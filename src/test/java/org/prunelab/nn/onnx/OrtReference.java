package org.prunelab.nn.onnx;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import java.nio.FloatBuffer;
import java.util.Arrays;
import java.util.Map;

/**
 * ONNX Runtime as the independent reference of the import tests: runs a model file on a batch and
 * returns the output of each sample. Files with a fixed batch size are run one sample at a time.
 */
final class OrtReference implements AutoCloseable {
  private final OrtEnvironment env = OrtEnvironment.getEnvironment();
  private final OrtSession session;
  private final String input;
  private final boolean fixedBatch;

  OrtReference(byte[] model) {
    try {
      OrtSession.SessionOptions options = new OrtSession.SessionOptions();
      options.setIntraOpNumThreads(1);
      session = env.createSession(model, options);
      input = session.getInputNames().iterator().next();
      long[] shape = ((TensorInfo) session.getInputInfo().get(input).getInfo()).getShape();
      fixedBatch = shape[0] > 0;
    } catch (OrtException e) {
      throw new IllegalStateException("ONNX Runtime cannot open the model: " + e.getMessage(), e);
    }
  }

  /** Outputs of the n samples of {@code x} (row-major (n, sample...)), one row per sample. */
  float[][] run(float[] x, int n, long[] sample) {
    int per = x.length / n;
    if (!fixedBatch) {
      float[] out = runBatch(x, n, sample);
      float[][] rows = new float[n][];
      int width = out.length / n;
      for (int i = 0; i < n; i++) {
        rows[i] = Arrays.copyOfRange(out, i * width, (i + 1) * width);
      }
      return rows;
    }
    float[][] rows = new float[n][];
    for (int i = 0; i < n; i++) {
      rows[i] = runBatch(Arrays.copyOfRange(x, i * per, (i + 1) * per), 1, sample);
    }
    return rows;
  }

  private float[] runBatch(float[] x, int n, long[] sample) {
    long[] shape = new long[sample.length + 1];
    shape[0] = n;
    System.arraycopy(sample, 0, shape, 1, sample.length);
    try (OnnxTensor t = OnnxTensor.createTensor(env, FloatBuffer.wrap(x), shape);
        OrtSession.Result r = session.run(Map.of(input, t))) {
      OnnxTensor out = (OnnxTensor) r.get(0);
      FloatBuffer b = out.getFloatBuffer();
      float[] v = new float[b.remaining()];
      b.get(v);
      return v;
    } catch (OrtException e) {
      throw new IllegalStateException("ONNX Runtime failed: " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    try {
      session.close();
    } catch (OrtException e) {
      throw new IllegalStateException(e);
    }
  }
}

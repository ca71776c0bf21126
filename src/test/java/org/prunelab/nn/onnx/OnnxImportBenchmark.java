package org.prunelab.nn.onnx;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.prunelab.nn.Network;
import org.prunelab.nn.layer.Mode;

/**
 * Times the import of a large ONNX file (the ResNet-18 that {@code make_onnx_fixtures.py
 * --resnet18} writes, about 47 MB) next to ONNX Runtime creating a session from the same file in
 * the same process: median of several runs after warm-up runs, each from the file on disk. libtorch
 * is started before the first import and timed apart. Checks once that both compute the same
 * logits.
 *
 * <pre>
 * python3 src/test/python/make_onnx_fixtures.py --resnet18 target/resnet18.onnx
 * ./mvnw -q -o test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * ONNX_FILE=target/resnet18.onnx ONEDNN_MAX_CPU_ISA=SSE41 \
 *   java -cp target/test-classes:target/classes:$(cat target/cp.txt) org.prunelab.nn.onnx.OnnxImportBenchmark
 * </pre>
 */
public final class OnnxImportBenchmark {
  private static final int WARMUP = 2;
  private static final int RUNS = 7;

  private OnnxImportBenchmark() {}

  public static void main(String[] args) throws Exception {
    Path file =
        Path.of(
            args.length > 0
                ? args[0]
                : System.getenv().getOrDefault("ONNX_FILE", "target/resnet18.onnx"));
    OnnxImportOptions options = OnnxImportOptions.on(Device.cpu());
    System.out.printf("file %s, %.1f MB%n", file, Files.size(file) / 1e6);
    long start = System.nanoTime();
    ai.djl.engine.Engine.getInstance();
    System.out.printf(
        "libtorch start-up (before the first import) %.3f s%n", (System.nanoTime() - start) / 1e9);
    List<Double> ours = new ArrayList<>();
    List<Double> ort = new ArrayList<>();
    OrtEnvironment env = OrtEnvironment.getEnvironment();
    for (int i = 0; i < WARMUP + RUNS; i++) {
      long t0 = System.nanoTime();
      try (Network net = OnnxImporter.load(file, options)) {
        if (i == 0) {
          System.out.printf(
              "imported: %d nodes, %,d parameters, input %s, output %s%n",
              net.nodes().size(), net.parameterCount(), net.inputShape(), net.outputShape());
        }
      }
      long t1 = System.nanoTime();
      try (OrtSession session =
          env.createSession(file.toString(), new OrtSession.SessionOptions())) {
        session.getInputNames();
      }
      long t2 = System.nanoTime();
      if (i >= WARMUP) {
        ours.add((t1 - t0) / 1e9);
        ort.add((t2 - t1) / 1e9);
      } else {
        System.out.printf(
            "warm-up %d: PruneLab import %.3f s (the first in a cold JVM), ONNX Runtime "
                + "session %.3f s%n",
            i + 1, (t1 - t0) / 1e9, (t2 - t1) / 1e9);
      }
    }
    System.out.printf("PruneLab import: median %.3f s (runs %s)%n", median(ours), show(ours));
    System.out.printf("ONNX Runtime session: median %.3f s (runs %s)%n", median(ort), show(ort));
    checkOutputs(file, options);
  }

  private static void checkOutputs(Path file, OnnxImportOptions options) throws OrtException {
    try (Network net = OnnxImporter.load(file, options);
        NDManager m = NDManager.newBaseManager(Device.cpu())) {
      long[] sample = net.inputShape().getShape();
      float[] x = new float[(int) net.inputShape().size()];
      Random random = new Random(1);
      for (int i = 0; i < x.length; i++) {
        x[i] = random.nextFloat();
      }
      NDArray out = net.forward(m.create(x, new Shape(1).addAll(net.inputShape())), Mode.EVAL);
      float[] ours = out.toFloatArray();
      try (OrtReference ort = new OrtReference(Files.readAllBytes(file))) {
        float[] ref = ort.run(x, 1, sample)[0];
        double maxRef = 0;
        double maxDiff = 0;
        for (int i = 0; i < ref.length; i++) {
          maxRef = Math.max(maxRef, Math.abs(ref[i]));
          maxDiff = Math.max(maxDiff, Math.abs(ref[i] - ours[i]));
        }
        System.out.printf(
            "logits vs ONNX Runtime on one random input: max relative difference %.2e%n",
            maxDiff / maxRef);
      }
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static double median(List<Double> v) {
    double[] s = v.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
  }

  private static String show(List<Double> v) {
    return Arrays.toString(v.stream().mapToDouble(d -> Math.round(d * 1000) / 1000.0).toArray());
  }
}

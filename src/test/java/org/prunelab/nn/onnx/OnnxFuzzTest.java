package org.prunelab.nn.onnx;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import ai.djl.Device;
import ai.onnx.proto.OnnxMl.AttributeProto;
import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.prunelab.error.PruneLabException;

/**
 * Imports several hundred damaged variants of PyTorch-made fixtures (seed 20261125): truncations,
 * bit flips, random byte runs, and structural damage done through the protobuf classes (wrong
 * element and attribute types, missing initializers, initializers with too few bytes, unknown
 * operators, dangling or reordered nodes, wrong dimensions). Each case must either import (a
 * flipped bit in a weight is still a valid model) or throw a {@link PruneLabException} with a
 * message, within a time limit; any other exception or error fails the test. Damage that makes a
 * file invalid for certain (missing initializer, short raw data, dangling input) must throw.
 */
class OnnxFuzzTest {
  private static final long SEED = 20261125L;
  private static final int CASES_PER_FIXTURE = 80;
  private static final long TIMEOUT_SECONDS = 20;
  private static final List<String> FIXTURES =
      List.of(
          "vgg_opset11_bnkept.onnx",
          "mobilenetv2_opset18_bnkept.onnx",
          "squeezenet_opset13_bnkept.onnx",
          "senet_opset18_dynamo_bnfolded.onnx");
  private static final OnnxImportOptions CPU = OnnxImportOptions.on(Device.cpu());

  /** A damaged file, what was done to it, and whether it must fail. */
  private record Case(String what, byte[] bytes, boolean mustFail) {}

  @Test
  void damagedFilesEndInAPruneLabExceptionOrAValidNetwork() throws Exception {
    Random random = new Random(SEED);
    List<Case> cases = new ArrayList<>();
    for (String fixture : FIXTURES) {
      byte[] bytes = Files.readAllBytes(OnnxImportTest.FIXTURES.resolve(fixture));
      ModelProto model = ModelProto.parseFrom(bytes);
      for (int i = 0; i < CASES_PER_FIXTURE; i++) {
        cases.add(mutate(fixture + " #" + i, bytes, model, random));
      }
    }
    Map<String, int[]> outcomes = new TreeMap<>();
    ExecutorService worker =
        Executors.newSingleThreadExecutor(
            r -> {
              Thread t = new Thread(r, "onnx-fuzz");
              t.setDaemon(true);
              return t;
            });
    try {
      for (Case c : cases) {
        String kind = c.what().substring(c.what().indexOf(": ") + 2).split(" ")[0];
        int[] counts = outcomes.computeIfAbsent(kind, k -> new int[2]);
        Future<Throwable> run = worker.submit(() -> attempt(c.bytes()));
        Throwable thrown;
        try {
          thrown = run.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
          run.cancel(true);
          fail(c.what() + ": no answer within " + TIMEOUT_SECONDS + " s");
          return;
        }
        if (thrown == null) {
          assertFalse(c.mustFail(), c.what() + ": a file damaged this way must not import");
          counts[0]++;
        } else if (thrown instanceof PruneLabException p) {
          assertTrue(
              p.getMessage() != null && !p.getMessage().isBlank(),
              c.what() + ": exception without message");
          counts[1]++;
        } else {
          throw new AssertionError(
              c.what()
                  + ": ended in "
                  + thrown.getClass().getName()
                  + " instead of a "
                  + "PruneLabException",
              thrown);
        }
      }
    } finally {
      worker.shutdownNow();
    }
    StringBuilder summary =
        new StringBuilder(cases.size() + " damaged files (imported / refused):");
    outcomes.forEach(
        (k, v) -> summary.append(' ').append(k).append(' ').append(v[0]).append('/').append(v[1]));
    System.out.println(summary);
    assertTrue(cases.size() >= 300, "at least 300 cases");
  }

  /** Imports the bytes; returns null on success, else what was thrown (Errors included). */
  private static Throwable attempt(byte[] bytes) {
    try {
      OnnxImporter.load(bytes, "fuzz.onnx", CPU).close();
      return null;
    } catch (Throwable t) {
      return t;
    }
  }

  private static Case mutate(String name, byte[] bytes, ModelProto model, Random random)
      throws InvalidProtocolBufferException {
    int kind = random.nextInt(12);
    switch (kind) {
      case 0 -> {
        int length = random.nextInt(bytes.length);
        return new Case(name + ": truncate to " + length, Arrays.copyOf(bytes, length), true);
      }
      case 1 -> {
        byte[] b = bytes.clone();
        int flips = 1 + random.nextInt(8);
        for (int i = 0; i < flips; i++) {
          int bit = random.nextInt(b.length * 8);
          b[bit / 8] ^= (byte) (1 << (bit % 8));
        }
        return new Case(name + ": bitflip " + flips, b, false);
      }
      case 2 -> {
        byte[] b = bytes.clone();
        int at = random.nextInt(b.length);
        int run = Math.min(b.length - at, 1 + random.nextInt(32));
        for (int i = 0; i < run; i++) {
          b[at + i] = (byte) random.nextInt(256);
        }
        return new Case(name + ": overwrite " + run + " bytes at " + at, b, false);
      }
      default -> {
        return structural(name, model, kind, random);
      }
    }
  }

  private static Case structural(String name, ModelProto model, int kind, Random random) {
    ModelProto.Builder m = model.toBuilder();
    GraphProto.Builder g = m.getGraphBuilder();
    int inits = g.getInitializerCount();
    int nodes = g.getNodeCount();
    switch (kind) {
      case 3 -> {
        int i = random.nextInt(inits);
        int type = random.nextInt(18);
        g.getInitializerBuilder(i).setDataType(type);
        return new Case(
            name + ": element-type " + type + " of " + g.getInitializer(i).getName(),
            bytes(m),
            false);
      }
      case 4 -> {
        int i = random.nextInt(inits);
        String removed = g.getInitializer(i).getName();
        g.removeInitializer(i);
        return new Case(name + ": missing-initializer " + removed, bytes(m), true);
      }
      case 5 -> {
        int i = random.nextInt(inits);
        TensorProto.Builder t = g.getInitializerBuilder(i);
        if (!t.hasRawData() || t.getRawData().isEmpty()) {
          t.addDims(2);
          return new Case(name + ": wrong-dims of " + t.getName(), bytes(m), true);
        }
        ByteString raw = t.getRawData();
        t.setRawData(raw.substring(0, random.nextInt(raw.size())));
        return new Case(name + ": short-raw-data of " + t.getName(), bytes(m), true);
      }
      case 6 -> {
        int n = random.nextInt(nodes);
        NodeProto.Builder node = g.getNodeBuilder(n);
        if (node.getAttributeCount() == 0) {
          node.setOpType(randomOp(random));
          return new Case(
              name + ": op-type " + node.getOpType() + " at node " + n, bytes(m), false);
        }
        AttributeProto.Builder a =
            node.getAttributeBuilder(random.nextInt(node.getAttributeCount()));
        AttributeProto.AttributeType type =
            AttributeProto.AttributeType.forNumber(random.nextInt(15));
        a.setType(type == null ? AttributeProto.AttributeType.GRAPH : type);
        return new Case(
            name + ": attribute-type " + a.getName() + " -> " + a.getType(), bytes(m), false);
      }
      case 7 -> {
        int n = random.nextInt(nodes);
        g.removeNode(n);
        return new Case(name + ": remove-node " + n, bytes(m), false);
      }
      case 8 -> {
        int n = random.nextInt(nodes);
        g.getNodeBuilder(n).setOpType(randomOp(random));
        return new Case(
            name + ": op-type " + g.getNode(n).getOpType() + " at node " + n, bytes(m), false);
      }
      case 9 -> {
        int a = random.nextInt(nodes);
        int b = random.nextInt(nodes);
        NodeProto na = g.getNode(a);
        g.setNode(a, g.getNode(b));
        g.setNode(b, na);
        return new Case(name + ": swap-nodes " + a + " " + b, bytes(m), false);
      }
      case 10 -> {
        int n = random.nextInt(nodes);
        NodeProto.Builder node = g.getNodeBuilder(n);
        if (node.getInputCount() == 0) {
          node.addInput("dangling");
          return new Case(name + ": extra-input at node " + n, bytes(m), false);
        }
        node.setInput(random.nextInt(node.getInputCount()), "no-such-value");
        return new Case(name + ": dangling-input at node " + n, bytes(m), true);
      }
      default -> {
        int n = random.nextInt(nodes);
        NodeProto.Builder node = g.getNodeBuilder(n);
        if (node.getAttributeCount() == 0) {
          g.getInputBuilder(0)
              .getTypeBuilder()
              .getTensorTypeBuilder()
              .getShapeBuilder()
              .getDimBuilder(1)
              .setDimValue(1 + random.nextInt(8));
          return new Case(name + ": input-dims", bytes(m), false);
        }
        AttributeProto.Builder a =
            node.getAttributeBuilder(random.nextInt(node.getAttributeCount()));
        long value = random.nextBoolean() ? -random.nextInt(100) : random.nextLong();
        a.setI(value);
        for (int i = 0; i < a.getIntsCount(); i++) {
          a.setInts(i, random.nextInt(64) - 16);
        }
        return new Case(name + ": attribute-value " + a.getName(), bytes(m), false);
      }
    }
  }

  private static String randomOp(Random random) {
    List<String> ops = new ArrayList<>(GraphConverter.SUPPORTED);
    ops.addAll(List.of("LSTM", "Loop", "If", "NonMaxSuppression", "", "Conv3d"));
    return ops.get(random.nextInt(ops.size()));
  }

  private static byte[] bytes(ModelProto.Builder m) {
    return m.build().toByteArray();
  }
}

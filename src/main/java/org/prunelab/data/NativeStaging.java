package org.prunelab.data;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Copies Java arrays into native arrays through one reusable direct buffer per thread. DJL's {@code
 * create(float[])} allocates a fresh direct buffer for every array, which the JVM frees only after
 * a garbage collection; with a large heap, batch after batch of them grows the process's memory by
 * hundreds of MiB before a collection runs. Here the values are written into the thread's staging
 * buffer, wrapped without a copy, and cloned into memory that libtorch owns and frees when the
 * array is closed.
 */
final class NativeStaging {
  private static final ThreadLocal<NativeStaging> PER_THREAD =
      ThreadLocal.withInitial(NativeStaging::new);
  private ByteBuffer buffer = ByteBuffer.allocateDirect(0);

  private NativeStaging() {}

  static NDArray floats(NDManager manager, float[] values, Shape shape) {
    NativeStaging staging = PER_THREAD.get();
    ByteBuffer view = staging.view(values.length * Float.BYTES);
    view.asFloatBuffer().put(values);
    return staging.own(manager, view, shape, DataType.FLOAT32);
  }

  static NDArray longs(NDManager manager, long[] values, Shape shape) {
    NativeStaging staging = PER_THREAD.get();
    ByteBuffer view = staging.view(values.length * Long.BYTES);
    view.asLongBuffer().put(values);
    return staging.own(manager, view, shape, DataType.INT64);
  }

  private ByteBuffer view(int bytes) {
    if (buffer.capacity() < bytes) {
      buffer = ByteBuffer.allocateDirect(Math.max(bytes, 2 * buffer.capacity()));
    }
    ByteBuffer view = buffer.duplicate();
    view.clear().limit(bytes);
    return view.slice().order(ByteOrder.nativeOrder());
  }

  private NDArray own(NDManager manager, ByteBuffer view, Shape shape, DataType type) {
    NDArray alias = manager.create(view, shape, type);
    NDArray owned = alias.duplicate();
    alias.close();
    return owned;
  }
}

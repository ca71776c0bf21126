package org.prunelab.job;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Coalesces one job's progress reports: a report is delivered at once if the previous delivery is
 * at least one interval old, otherwise it is kept (replacing any older kept one) and delivered by a
 * timer when the interval has passed, so a report is never stale for longer than one interval.
 * {@link #close()} delivers the kept report, if any, and ignores later ones. Deliveries happen
 * under this object's lock, so they never overlap and the last one precedes whatever the closing
 * thread does next.
 */
final class ProgressThrottle {

  /** 50 ms: at most about 20 deliveries per second. */
  static final long DEFAULT_INTERVAL_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

  private final Consumer<Progress> sink;
  private final long intervalNanos;
  private final ScheduledExecutorService timer;

  private Progress pending;
  private ScheduledFuture<?> scheduledFlush;
  private boolean deliveredAny;
  private long lastDeliveryNanos;
  private boolean closed;

  ProgressThrottle(Consumer<Progress> sink) {
    this(sink, DEFAULT_INTERVAL_NANOS, SharedTimer.INSTANCE);
  }

  ProgressThrottle(Consumer<Progress> sink, long intervalNanos, ScheduledExecutorService timer) {
    if (intervalNanos <= 0) {
      throw new IllegalArgumentException("intervalNanos must be > 0, got " + intervalNanos);
    }
    this.sink = sink;
    this.intervalNanos = intervalNanos;
    this.timer = timer;
  }

  synchronized void offer(Progress progress) {
    if (closed) {
      return;
    }
    long now = progress.nanoTime();
    if (scheduledFlush == null && (!deliveredAny || now - lastDeliveryNanos >= intervalNanos)) {
      deliver(progress, now);
      return;
    }
    pending = progress;
    if (scheduledFlush == null) {
      long delay = Math.max(1, lastDeliveryNanos + intervalNanos - now);
      scheduledFlush = timer.schedule(this::flushPending, delay, TimeUnit.NANOSECONDS);
    }
  }

  synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    if (scheduledFlush != null) {
      scheduledFlush.cancel(false);
      scheduledFlush = null;
    }
    if (pending != null) {
      Progress last = pending;
      pending = null;
      sink.accept(last);
    }
  }

  private synchronized void flushPending() {
    scheduledFlush = null;
    if (closed || pending == null) {
      return;
    }
    Progress next = pending;
    pending = null;
    deliver(next, System.nanoTime());
  }

  private void deliver(Progress progress, long now) {
    deliveredAny = true;
    lastDeliveryNanos = now;
    sink.accept(progress);
  }

  /** One daemon timer thread for all throttles; flushes are tiny. */
  private static final class SharedTimer {
    static final ScheduledExecutorService INSTANCE = create();

    private static ScheduledExecutorService create() {
      ScheduledThreadPoolExecutor executor =
          new ScheduledThreadPoolExecutor(
              1,
              runnable -> {
                Thread thread = new Thread(runnable, "prunelab-progress");
                thread.setDaemon(true);
                return thread;
              });
      executor.setRemoveOnCancelPolicy(true);
      return executor;
    }
  }
}

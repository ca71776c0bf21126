package org.prunelab.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class DeviceWorkerTest {

  private DeviceWorker worker;

  @BeforeEach
  void start() {
    worker = new DeviceWorker("test");
  }

  @AfterEach
  void stop() throws InterruptedException {
    worker.close();
    assertTrue(worker.awaitTermination(Duration.ofSeconds(5)));
  }

  /** A job that blocks until the returned latch is released, after signalling that it started. */
  private static Job<String> blocker(CountDownLatch started, CountDownLatch release) {
    return ctx -> {
      started.countDown();
      assertTrue(release.await(5, TimeUnit.SECONDS));
      return "released";
    };
  }

  @Test
  void runsJobsOneAtATimeInSubmissionOrderOnItsDaemonThread() throws Exception {
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    worker.submit("blocker", blocker(started, release), JobListener.none());
    List<Integer> order = Collections.synchronizedList(new ArrayList<>());
    List<String> threads = Collections.synchronizedList(new ArrayList<>());
    List<JobHandle<Integer>> handles = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      int index = i;
      handles.add(
          worker.submit(
              "job" + i,
              ctx -> {
                order.add(index);
                Thread t = Thread.currentThread();
                threads.add(t.getName() + (t.isDaemon() ? "/daemon" : ""));
                return index;
              },
              JobListener.none()));
    }
    assertTrue(started.await(5, TimeUnit.SECONDS));
    List<JobHandle<?>> pending = worker.jobs();
    assertEquals(11, pending.size());
    assertEquals(JobState.RUNNING, pending.get(0).state());
    assertEquals("blocker", pending.get(0).name());
    assertEquals("test", pending.get(0).device());
    for (int i = 1; i < 11; i++) {
      assertEquals(JobState.QUEUED, pending.get(i).state());
    }

    release.countDown();
    for (int i = 0; i < 10; i++) {
      assertEquals(i, handles.get(i).result().get(5, TimeUnit.SECONDS));
      assertEquals(JobState.SUCCEEDED, handles.get(i).state());
    }
    assertEquals(List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9), order);
    assertEquals(Collections.nCopies(10, "prunelab-device-test/daemon"), threads);
    assertTrue(worker.jobs().isEmpty());
  }

  @Test
  void hasExactlyOneWorkerThread() {
    long count =
        Thread.getAllStackTraces().keySet().stream()
            .filter(t -> t.getName().equals("prunelab-device-test"))
            .count();
    assertEquals(1, count);
  }

  @Test
  void cancelledQueuedJobNeverStarts() throws Exception {
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    worker.submit("blocker", blocker(started, release), JobListener.none());
    AtomicBoolean ran = new AtomicBoolean();
    RecordingListener listener = new RecordingListener();
    JobHandle<String> queued =
        worker.submit(
            "queued",
            ctx -> {
              ran.set(true);
              return "ran";
            },
            listener);
    assertTrue(started.await(5, TimeUnit.SECONDS));

    assertTrue(queued.cancel());
    assertEquals(JobState.CANCELLED, queued.state());
    assertTrue(queued.result().isCancelled());
    assertEquals(List.of(JobState.CANCELLED), listener.states());
    assertEquals(1, worker.jobs().size());

    release.countDown();
    JobHandle<String> after = worker.submit("after", ctx -> "after", JobListener.none());
    assertEquals("after", after.result().get(5, TimeUnit.SECONDS));
    assertFalse(ran.get());
    assertEquals(List.of(JobState.CANCELLED), listener.states());
    assertFalse(queued.cancel(), "cancelling a finished job reports false");
  }

  @Test
  void runningJobSeesCancellationAndEndsCancelled() throws Exception {
    CountDownLatch started = new CountDownLatch(1);
    RecordingListener listener = new RecordingListener();
    JobHandle<String> handle =
        worker.submit(
            "poller",
            ctx -> {
              started.countDown();
              while (!ctx.isCancelled()) {
                Thread.onSpinWait();
              }
              return "stopped early";
            },
            listener);
    assertTrue(started.await(5, TimeUnit.SECONDS));
    assertEquals(JobState.RUNNING, handle.state());

    assertTrue(handle.cancel());
    assertThrows(CancellationException.class, () -> handle.result().get(5, TimeUnit.SECONDS));
    assertEquals(JobState.CANCELLED, handle.state());
    assertTrue(handle.isCancelRequested());
    assertEquals(List.of(JobState.RUNNING, JobState.CANCELLED), listener.states());
  }

  @Test
  void checkCancelledStopsRunningJobAndCancellingTheFutureCancelsTheJob() throws Exception {
    CountDownLatch started = new CountDownLatch(1);
    JobHandle<Void> handle =
        worker.submit(
            "checker",
            ctx -> {
              started.countDown();
              while (true) {
                ctx.checkCancelled();
                Thread.onSpinWait();
              }
            },
            JobListener.none());
    assertTrue(started.await(5, TimeUnit.SECONDS));

    handle.result().cancel(true);
    assertTrue(handle.isCancelRequested());
    JobHandle<String> next = worker.submit("next", ctx -> "next", JobListener.none());
    assertEquals("next", next.result().get(5, TimeUnit.SECONDS));
    assertEquals(JobState.CANCELLED, handle.state());
  }

  @Test
  void failingJobFailsAloneAndTheNextJobRuns() throws Exception {
    IOException boom = new IOException("boom");
    RecordingListener listener = new RecordingListener();
    JobHandle<String> failing =
        worker.submit(
            "failing",
            ctx -> {
              throw boom;
            },
            listener);
    JobHandle<String> oom =
        worker.submit(
            "oom",
            ctx -> {
              throw new OutOfMemoryError("simulated");
            },
            JobListener.none());
    JobHandle<Integer> next = worker.submit("next", ctx -> 42, JobListener.none());

    assertEquals(42, next.result().get(5, TimeUnit.SECONDS));
    ExecutionException failure =
        assertThrows(ExecutionException.class, () -> failing.result().get());
    assertSame(boom, failure.getCause());
    assertEquals(JobState.FAILED, failing.state());
    assertEquals(List.of(JobState.RUNNING, JobState.FAILED), listener.states());
    assertInstanceOf(
        OutOfMemoryError.class,
        assertThrows(ExecutionException.class, () -> oom.result().get()).getCause());
    assertEquals(JobState.FAILED, oom.state());
    assertEquals(JobState.SUCCEEDED, next.state());
  }

  @Test
  void throwingListenerDoesNotAffectTheJob() throws Exception {
    JobListener bad =
        new JobListener() {
          @Override
          public void onProgress(JobHandle<?> handle, Progress progress) {
            throw new IllegalStateException("listener bug");
          }

          @Override
          public void onStateChanged(JobHandle<?> handle) {
            throw new IllegalStateException("listener bug");
          }
        };
    JobHandle<String> handle =
        worker.submit(
            "ok",
            ctx -> {
              ctx.progress(1, 1, "done");
              return "ok";
            },
            bad);
    assertEquals("ok", handle.result().get(5, TimeUnit.SECONDS));
    assertEquals(JobState.SUCCEEDED, handle.state());
  }

  @Test
  void tightProgressLoopIsCoalescedAndTheLastUpdateArrivesBeforeTheFinalState() throws Exception {
    RecordingListener listener = new RecordingListener();
    int total = 100_000;
    long submitted = System.nanoTime();
    JobHandle<Integer> handle =
        worker.submit(
            "tight",
            ctx -> {
              for (int i = 1; i <= total; i++) {
                ctx.progress(i, total, "step");
              }
              return total;
            },
            listener);
    assertEquals(total, handle.result().get(5, TimeUnit.SECONDS));
    double seconds = (System.nanoTime() - submitted) / 1e9;

    List<Progress> delivered = listener.progress();
    assertTrue(
        delivered.size() <= Math.ceil(seconds * 20) + 2,
        delivered.size() + " updates in " + seconds + " s");
    assertTrue(delivered.size() >= 1);
    Progress last = delivered.get(delivered.size() - 1);
    assertEquals(total, last.done());
    assertEquals(1.0, last.fraction());
    List<RecordingListener.Event> events = listener.events;
    assertEquals(JobState.SUCCEEDED, events.get(events.size() - 1).state());
    assertTrue(
        events.get(events.size() - 2).isProgress(),
        "last progress precedes the final state change");
    assertEquals(total, handle.latestProgress().orElseThrow().done());
  }

  @Test
  void sustainedProgressStaysUnderTwentyPerSecond() throws Exception {
    RecordingListener listener = new RecordingListener();
    long window = TimeUnit.MILLISECONDS.toNanos(300);
    long submitted = System.nanoTime();
    JobHandle<Long> handle =
        worker.submit(
            "sustained",
            ctx -> {
              long start = System.nanoTime();
              long calls = 0;
              while (System.nanoTime() - start < window) {
                ctx.progress(++calls, 0, "working");
              }
              ctx.progress(calls, calls, "done");
              return calls;
            },
            listener);
    long calls = handle.result().get(5, TimeUnit.SECONDS);
    double seconds = (System.nanoTime() - submitted) / 1e9;

    int delivered = listener.progress().size();
    assertTrue(
        delivered <= Math.ceil(seconds * 20) + 2, delivered + " updates in " + seconds + " s");
    assertTrue(
        delivered >= 3, "a 300 ms job reports more than its first and last update: " + delivered);
    assertTrue(calls > delivered);
    Progress last = listener.progress().get(delivered - 1);
    assertEquals(last.total(), last.done());
  }

  @Test
  void keptUpdateIsDeliveredWithoutFurtherCalls() throws Exception {
    CountDownLatch secondSeen = new CountDownLatch(1);
    AtomicReference<Boolean> seenWhileRunning = new AtomicReference<>();
    JobListener listener =
        (handle, progress) -> {
          if (progress.done() == 2) {
            seenWhileRunning.set(handle.state() == JobState.RUNNING);
            secondSeen.countDown();
          }
        };
    JobHandle<Void> handle =
        worker.submit(
            "quiet",
            ctx -> {
              ctx.progress(1, 3, "one");
              ctx.progress(2, 3, "two");
              assertTrue(
                  secondSeen.await(5, TimeUnit.SECONDS), "update 2 was not flushed by the timer");
              return null;
            },
            listener);
    handle.result().get(6, TimeUnit.SECONDS);
    assertEquals(true, seenWhileRunning.get());
  }

  @Test
  void etaIsEstimatedFromTheProgressRateWhileRunning() throws Exception {
    CountDownLatch reported = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch releaseBlocker = new CountDownLatch(1);
    worker.submit("blocker", blocker(started, releaseBlocker), JobListener.none());
    JobHandle<Void> handle =
        worker.submit(
            "eta",
            ctx -> {
              Thread.sleep(20);
              ctx.progress(1, 4, "quarter");
              reported.countDown();
              assertTrue(release.await(5, TimeUnit.SECONDS));
              return null;
            },
            JobListener.none());
    assertTrue(started.await(5, TimeUnit.SECONDS));
    assertTrue(handle.eta().isEmpty(), "no estimate while queued");

    long before = System.nanoTime();
    releaseBlocker.countDown();
    assertTrue(reported.await(5, TimeUnit.SECONDS));
    long upperElapsed = System.nanoTime() - before;
    Duration eta = handle.eta().orElseThrow();
    // a quarter took at least 20 ms and at most upperElapsed, so the rest takes at most 3 *
    // upperElapsed
    assertFalse(eta.isNegative());
    assertTrue(eta.toNanos() <= 3 * upperElapsed, eta + " vs " + Duration.ofNanos(upperElapsed));

    release.countDown();
    handle.result().get(5, TimeUnit.SECONDS);
    assertTrue(handle.eta().isEmpty(), "no estimate once finished");
  }

  @Test
  void closeCancelsQueuedAndRunningJobsAndStopsTheThread() throws Exception {
    CountDownLatch started = new CountDownLatch(1);
    JobHandle<String> running =
        worker.submit(
            "running",
            ctx -> {
              started.countDown();
              while (!ctx.isCancelled()) {
                Thread.onSpinWait();
              }
              return "stopped";
            },
            JobListener.none());
    AtomicBoolean queuedRan = new AtomicBoolean();
    JobHandle<String> queued1 =
        worker.submit(
            "q1",
            ctx -> {
              queuedRan.set(true);
              return "q1";
            },
            JobListener.none());
    JobHandle<String> queued2 =
        worker.submit(
            "q2",
            ctx -> {
              queuedRan.set(true);
              return "q2";
            },
            JobListener.none());
    assertTrue(started.await(5, TimeUnit.SECONDS));

    worker.close();
    assertTrue(worker.isClosed());
    assertTrue(worker.awaitTermination(Duration.ofSeconds(5)));
    assertEquals(JobState.CANCELLED, queued1.state());
    assertEquals(JobState.CANCELLED, queued2.state());
    assertEquals(JobState.CANCELLED, running.state());
    assertFalse(queuedRan.get());
    assertTrue(worker.jobs().isEmpty());
    assertThrows(
        IllegalStateException.class,
        () -> worker.submit("late", ctx -> "late", JobListener.none()));
    worker.close(); // idempotent
  }

  @Test
  void fatalErrorFailsTheJobAndStopsTheWorker() throws Exception {
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    JobHandle<String> fatal =
        worker.submit(
            "fatal",
            ctx -> {
              started.countDown();
              assertTrue(release.await(5, TimeUnit.SECONDS));
              throw new AssertionError("not an exception");
            },
            JobListener.none());
    JobHandle<String> queued = worker.submit("queued", ctx -> "never", JobListener.none());
    assertTrue(started.await(5, TimeUnit.SECONDS));
    release.countDown();

    assertTrue(worker.awaitTermination(Duration.ofSeconds(5)));
    assertEquals(JobState.FAILED, fatal.state());
    assertInstanceOf(
        AssertionError.class,
        assertThrows(ExecutionException.class, () -> fatal.result().get()).getCause());
    assertEquals(JobState.CANCELLED, queued.state());
    assertTrue(worker.isClosed());
  }

  @Test
  void rejectsBlankDeviceName() {
    assertThrows(IllegalArgumentException.class, () -> new DeviceWorker(" "));
  }
}

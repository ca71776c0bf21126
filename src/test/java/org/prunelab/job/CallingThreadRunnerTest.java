package org.prunelab.job;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class CallingThreadRunnerTest {

  @Test
  void runsOnTheCallingThreadAndReportsToTheListener() throws Exception {
    RecordingListener listener = new RecordingListener();
    Thread caller = Thread.currentThread();
    String value =
        new CallingThreadRunner("cpu")
            .run(
                "sync",
                ctx -> {
                  for (int i = 1; i <= 1000; i++) {
                    ctx.progress(i, 1000, "step " + i);
                  }
                  return Thread.currentThread() == caller ? "same thread" : "other thread";
                },
                listener);

    assertEquals("same thread", value);
    assertEquals(List.of(JobState.RUNNING, JobState.SUCCEEDED), listener.states());
    List<Progress> progress = listener.progress();
    assertEquals(1000, progress.get(progress.size() - 1).done());
    assertEquals("step 1000", progress.get(progress.size() - 1).message());
  }

  @Test
  void rethrowsTheJobsExceptionUnchanged() {
    IOException boom = new IOException("boom");
    IOException thrown =
        assertThrows(
            IOException.class,
            () ->
                new CallingThreadRunner()
                    .run(
                        ctx -> {
                          throw boom;
                        }));
    assertSame(boom, thrown);
  }

  @Test
  void listenerCanCancelTheJob() {
    RecordingListener states = new RecordingListener();
    JobListener cancelling =
        new JobListener() {
          @Override
          public void onProgress(JobHandle<?> handle, Progress progress) {
            handle.cancel();
          }

          @Override
          public void onStateChanged(JobHandle<?> handle) {
            states.onStateChanged(handle);
          }
        };
    assertThrows(
        JobCancelledException.class,
        () ->
            new CallingThreadRunner()
                .run(
                    "cancel me",
                    ctx -> {
                      for (long i = 0; ; i++) {
                        ctx.progress(i, 0, "forever");
                        ctx.checkCancelled();
                      }
                    },
                    cancelling));
    assertEquals(List.of(JobState.RUNNING, JobState.CANCELLED), states.states());
  }

  @Test
  void jobThatReturnsAfterCancellationIsCancelled() {
    assertThrows(
        JobCancelledException.class,
        () ->
            new CallingThreadRunner()
                .run(
                    "polite",
                    ctx -> {
                      ctx.progress(0, 1, "start");
                      return ctx.isCancelled() ? "partial" : "full";
                    },
                    (handle, progress) -> handle.cancel()));
  }

  @Test
  void silentContextIsNeverCancelledAndIgnoresProgress() throws Exception {
    JobContext silent = JobContext.silent();
    assertFalse(silent.isCancelled());
    assertDoesNotThrow(silent::checkCancelled);
    silent.progress(1, 2, null);
    Job<Integer> job = ctx -> 7;
    assertEquals(7, job.run(JobContext.silent()));
  }
}

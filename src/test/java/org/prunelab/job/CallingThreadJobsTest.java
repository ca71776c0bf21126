package org.prunelab.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class CallingThreadJobsTest {
  private final List<String> calls = new ArrayList<>();

  @Test
  void runsTheJobOnTheCallerThenCallsBackWithItsValue() {
    Thread caller = Thread.currentThread();
    JobHandle<String> handle =
        new CallingThreadJobs("cpu")
            .submit(
                "sync",
                ctx -> {
                  calls.add("job");
                  return Thread.currentThread() == caller ? "same thread" : "other thread";
                },
                v -> calls.add("success " + v + " on " + (Thread.currentThread() == caller)),
                e -> calls.add("failure " + e));
    calls.add("returned");
    assertEquals(List.of("job", "success same thread on true", "returned"), calls);
    assertEquals(JobState.SUCCEEDED, handle.state());
    assertEquals("cpu", handle.device());
    assertEquals("sync", handle.name());
  }

  @Test
  void aFailureReachesOnFailureAsTheJobsOwnException() {
    IOException boom = new IOException("boom");
    List<Throwable> failures = new ArrayList<>();
    JobHandle<Object> handle =
        new CallingThreadJobs()
            .submit(
                "fails",
                ctx -> {
                  throw boom;
                },
                v -> calls.add("success"),
                failures::add);
    assertEquals(List.of(boom), failures);
    assertSame(boom, failures.get(0));
    assertTrue(calls.isEmpty(), "no success callback: " + calls);
    assertEquals(JobState.FAILED, handle.state());
    assertEquals(CallingThreadRunner.DEFAULT_DEVICE, handle.device());
  }

  @Test
  void aCancelledJobCallsNeitherCallback() {
    JobHandle<Object> handle =
        new CallingThreadJobs()
            .submit(
                "cancelled",
                ctx -> {
                  throw new JobCancelledException("stopped by the user");
                },
                v -> calls.add("success"),
                e -> calls.add("failure " + e));
    assertEquals(JobState.CANCELLED, handle.state());
    assertTrue(calls.isEmpty(), "no callback for a cancelled job: " + calls);
  }
}

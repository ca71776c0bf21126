package org.prunelab.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ProgressThrottleTest {

  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
  private final List<Progress> delivered = new CopyOnWriteArrayList<>();

  @AfterEach
  void stopTimer() {
    timer.shutdownNow();
  }

  @Test
  void deliversFirstAtOnceKeepsTheRestAndFlushesTheLastOnClose() {
    ProgressThrottle throttle =
        new ProgressThrottle(delivered::add, TimeUnit.HOURS.toNanos(1), timer);
    for (int i = 0; i <= 1000; i++) {
      throttle.offer(new Progress(i, 1000, "s", 1_000 + i));
    }
    assertEquals(1, delivered.size());
    assertEquals(0, delivered.get(0).done());

    throttle.close();
    assertEquals(2, delivered.size());
    assertEquals(1000, delivered.get(1).done());

    throttle.offer(new Progress(5, 1000, "late", 10_000));
    throttle.close();
    assertEquals(2, delivered.size(), "closed throttle ignores reports");
  }

  @Test
  void deliversAgainOnceTheIntervalHasPassed() {
    ProgressThrottle throttle = new ProgressThrottle(delivered::add, 100, timer);
    throttle.offer(new Progress(1, 3, "", 0));
    throttle.offer(new Progress(2, 3, "", 100_000_000L));
    assertEquals(2, delivered.size());
    throttle.close();
    assertEquals(2, delivered.size(), "nothing kept, nothing more to flush");
  }

  @Test
  void rejectsNonPositiveInterval() {
    assertThrows(
        IllegalArgumentException.class, () -> new ProgressThrottle(delivered::add, 0, timer));
  }
}

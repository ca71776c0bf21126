package org.prunelab.ui.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.prunelab.ui.shell.WorkbenchFixture.awaitJob;
import static org.prunelab.ui.shell.WorkbenchFixture.onFx;
import static org.prunelab.ui.shell.WorkbenchFixture.runFx;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.prunelab.job.DeviceWorker;
import org.prunelab.job.JobHandle;
import org.prunelab.job.JobState;
import org.prunelab.ui.shell.WorkbenchFixture;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The workbench's jobs: each runs on the device worker with a row in the job panel, its callbacks
 * run on the FX thread, a failure arrives as the job's own exception, a cancelled job calls neither
 * callback, a job can say where its result went, and the panel shows unfinished jobs first and
 * keeps only the last finished rows.
 */
@ExtendWith(ApplicationExtension.class)
class WorkerJobsTest {
  private final DeviceWorker worker = new DeviceWorker("cpu");
  private final JobPanelViewModel panel = new JobPanelViewModel();
  private final WorkerJobs jobs = new WorkerJobs(worker, panel);
  private final List<String> calls = new CopyOnWriteArrayList<>();

  @Start
  void start(Stage stage) {}

  @AfterEach
  void stop() {
    worker.close();
  }

  @Test
  void runsOnTheWorkerAndCallsBackOnTheFxThread() {
    JobHandle<String> job =
        onFx(
            () ->
                jobs.submit(
                    "where",
                    ctx -> Thread.currentThread().getName(),
                    v -> calls.add(v + ", callback on FX: " + Platform.isFxApplicationThread()),
                    e -> calls.add("failure " + e)));
    awaitJob(job);
    assertEquals(List.of("prunelab-device-cpu, callback on FX: true"), calls);
    JobRowViewModel row = onFx(() -> panel.rows().get(0));
    assertEquals("where", row.name());
    assertEquals("cpu", row.device());
    assertEquals("succeeded", onFx(() -> row.messageProperty().get()));
    assertEquals(1.0, onFx(() -> row.progressProperty().get()));
    assertTrue(onFx(() -> row.finishedProperty().get()));
  }

  @Test
  void aFailureArrivesAsTheJobsOwnException() {
    IOException boom = new IOException("disk full");
    List<Throwable> failures = new CopyOnWriteArrayList<>();
    JobHandle<Object> job =
        onFx(
            () ->
                jobs.submit(
                    "fails",
                    ctx -> {
                      throw boom;
                    },
                    v -> calls.add("success"),
                    failures::add));
    awaitJob(job);
    assertEquals(1, failures.size());
    assertSame(boom, failures.get(0));
    assertTrue(calls.isEmpty(), "no success callback: " + calls);
    assertEquals("failed", onFx(() -> panel.rows().get(0).messageProperty().get()));
  }

  @Test
  void cancellingFromTheRowCallsNeitherCallback() {
    JobHandle<Object> job =
        onFx(
            () ->
                jobs.submit(
                    "endless",
                    ctx -> {
                      while (true) {
                        ctx.checkCancelled();
                        Thread.sleep(5);
                      }
                    },
                    v -> calls.add("success"),
                    e -> calls.add("failure " + e)));
    WorkbenchFixture.await(
        "the job to run", Duration.ofSeconds(30), () -> job.state() == JobState.RUNNING);
    runFx(() -> panel.rows().get(0).cancel());
    awaitJob(job);
    assertEquals(JobState.CANCELLED, job.state());
    assertEquals("cancelled", onFx(() -> panel.rows().get(0).messageProperty().get()));
    assertTrue(calls.isEmpty(), "a cancelled job calls back neither way: " + calls);
  }

  @Test
  void aJobSaysWhereItsResultWent() {
    JobHandle<String> job =
        onFx(
            () ->
                jobs.submit(
                    "export", ctx -> "a.onnx", file -> "written to " + file, v -> {}, e -> {}));
    awaitJob(job);
    WorkbenchFixture.await(
        "the outcome in the row",
        Duration.ofSeconds(10),
        () -> onFx(() -> panel.rows().get(0).messageProperty().get()).contains(":"));
    assertEquals(
        "succeeded: written to a.onnx", onFx(() -> panel.rows().get(0).messageProperty().get()));
  }

  @Test
  void thePanelKeepsEveryUnfinishedJobAndTheLastFinishedOnes() {
    List<JobHandle<Integer>> done =
        onFx(
            () ->
                IntStream.range(0, JobPanelViewModel.KEEP_FINISHED + 3)
                    .mapToObj(i -> jobs.submit("quick " + i, ctx -> i, v -> {}, e -> {}))
                    .toList());
    done.forEach(WorkbenchFixture::awaitJob);
    JobHandle<Object> running =
        onFx(
            () ->
                jobs.submit(
                    "still running",
                    ctx -> {
                      while (true) {
                        ctx.checkCancelled();
                        Thread.sleep(5);
                      }
                    },
                    v -> {},
                    e -> {}));
    List<String> names = onFx(() -> panel.rows().stream().map(JobRowViewModel::name).toList());
    List<String> expected = new java.util.ArrayList<>(List.of("still running"));
    IntStream.iterate(JobPanelViewModel.KEEP_FINISHED + 2, i -> i >= 3, i -> i - 1)
        .mapToObj(i -> "quick " + i)
        .forEach(expected::add);
    assertEquals(expected, names, "the running job on top, then the newest finished ones");
    running.cancel();
    awaitJob(running);
  }
}

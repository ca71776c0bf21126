package org.prunelab.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.prunelab.job.JobContext;
import org.prunelab.results.JobKey;
import org.prunelab.results.ResultsStore;

/**
 * The acceptance test of resuming: a sweep in a child JVM is destroyed (SIGKILL) after the store
 * shows a finished job and before the last one; re-running the spec in this JVM finishes the rest.
 * The store then holds every job exactly once, each with all its metric and similarity rows, and no
 * row of a job that is not there.
 */
class ExperimentKillTest {
  @TempDir Path dir;

  @Test
  void killedSweepResumesWithEveryJobExactlyOnce() throws Exception {
    assumeTrue(SweepFixtures.fashionMnistInstalled(), "Fashion-MNIST not installed");
    ExperimentSpec spec = SweepFixtures.tiny(256);
    Path specFile = dir.resolve("tiny.yaml");
    Files.writeString(specFile, ExperimentSpecs.canonical(spec));
    Path db = dir.resolve("results.db");
    String hash = ExperimentSpecs.hash(spec);
    List<JobKey> keys = SweepJobs.expand(spec);

    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process child =
        new ProcessBuilder(
                List.of(
                    java,
                    "-Xmx512m",
                    "-Dai.djl.offline=true",
                    "-cp",
                    System.getProperty("java.class.path"),
                    SweepProbe.class.getName(),
                    specFile.toString(),
                    db.toString()))
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    int seenAtKill;
    try {
      seenAtKill = waitForFirstJob(child, db, hash);
    } finally {
      child.destroyForcibly();
      assertTrue(child.waitFor(20, TimeUnit.SECONDS), "the sweep's JVM did not die");
    }
    assertTrue(seenAtKill >= 1 && seenAtKill < keys.size(), "killed after " + seenAtKill + " jobs");

    try (ResultsStore store = ResultsStore.open(db)) {
      int before = store.finishedKeys(hash).size();
      assertTrue(
          before < keys.size(),
          "the kill left jobs to do: " + before + " of " + keys.size() + " finished");
      RunSummary resumed = new ExperimentRunner(spec, store, 0).run(JobContext.silent());
      assertEquals(before, resumed.skipped());
      assertEquals(keys.size() - before, resumed.finished().size());
      assertEquals(List.of(), resumed.failures());
      assertEquals(new HashSet<>(keys), store.finishedKeys(hash));
    }
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
        Statement s = c.createStatement()) {
      assertEquals(keys.size(), count(s, "SELECT COUNT(*) FROM job"));
      assertEquals(
          0,
          count(
              s,
              "SELECT COUNT(*) FROM (SELECT method, keep_ratio, repetition FROM job"
                  + " GROUP BY method, keep_ratio, repetition HAVING COUNT(*) > 1) d"),
          "a job recorded twice");
      int distributions = spec.test().names().size();
      int eps = FunctionalSimilarity.DEFAULT_EPS.size();
      assertEquals(
          0,
          count(
              s,
              "SELECT COUNT(*) FROM job j WHERE (SELECT COUNT(*) FROM job_metric m"
                  + " WHERE m.job_id = j.job_id) <> "
                  + distributions),
          "a job with missing metric rows");
      assertEquals(
          0,
          count(
              s,
              "SELECT COUNT(*) FROM job j WHERE (SELECT COUNT(*) FROM job_similarity m"
                  + " WHERE m.job_id = j.job_id) <> "
                  + eps),
          "a job with missing similarity rows");
      for (String table :
          List.of("job_metric", "job_allocation", "job_version", "job_similarity")) {
        assertEquals(
            0,
            count(
                s,
                "SELECT COUNT(*) FROM "
                    + table
                    + " t WHERE NOT EXISTS"
                    + " (SELECT 1 FROM job j WHERE j.job_id = t.job_id)"),
            "orphan rows in " + table);
      }
    }
  }

  /** Polls the store until it shows a finished job; returns how many it saw. */
  private static int waitForFirstJob(Process child, Path db, String hash)
      throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (System.nanoTime() < deadline) {
      assertTrue(
          child.isAlive(),
          () -> "the sweep's JVM ended before it was killed (exit " + child.exitValue() + ")");
      if (Files.exists(db)) {
        try (ResultsStore store = ResultsStore.open(db)) {
          int finished = store.finishedKeys(hash).size();
          if (finished >= 1) {
            return finished;
          }
        } catch (RuntimeException e) {
          // the child is still creating the schema; look again
        }
      }
      Thread.sleep(100);
    }
    throw new AssertionError("no job finished within 120 s");
  }

  private static long count(Statement s, String sql) throws Exception {
    try (ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}

package org.prunelab.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A writer killed with SIGKILL in the middle of its loop leaves a store that opens and holds only
 * whole jobs: every job it reported committed, possibly the one in flight if its commit landed, and
 * no metric or allocation row of a job that is not there.
 */
class ResultsKillSafetyTest {
  @TempDir Path dir;

  @Test
  void killedWriterLeavesOnlyCompleteJobs() throws Exception {
    Path file = dir.resolve("results.db");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process p =
        new ProcessBuilder(
                List.of(
                    java,
                    "-Xmx64m",
                    "-cp",
                    System.getProperty("java.class.path"),
                    ResultsWriterProbe.class.getName(),
                    file.toString()))
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    int reported = -1;
    try (BufferedReader r =
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = r.readLine(); line != null && reported < 30; line = r.readLine()) {
        reported = Integer.parseInt(line.substring("recorded ".length()));
      }
      p.destroyForcibly();
      assertTrue(p.waitFor(20, TimeUnit.SECONDS), "writer did not die");
    }
    assertTrue(reported >= 30, "writer reported " + reported + " jobs before it stopped");

    try (ResultsStore store = ResultsStore.open(file)) {
      List<JobResult> results = store.results(ResultsFixtures.SPEC);
      assertTrue(
          results.size() > reported,
          results.size() + " jobs stored, " + (reported + 1) + " reported");
      for (int i = 0; i < results.size(); i++) {
        assertEquals(ResultsWriterProbe.result(i), results.get(i), "job " + i);
      }
    }
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement s = c.createStatement()) {
      for (String table : List.of("job_metric", "job_allocation", "job_version")) {
        try (ResultSet rs =
            s.executeQuery(
                "SELECT COUNT(*) FROM "
                    + table
                    + " t WHERE NOT EXISTS"
                    + " (SELECT 1 FROM job j WHERE j.job_id = t.job_id)")) {
          rs.next();
          assertEquals(0, rs.getLong(1), "orphan rows in " + table);
        }
      }
    }
  }
}

package org.prunelab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.prunelab.experiment.metrics.SweepFixture;

/**
 * Commands that only read a results store (report, plot) leave it as they found it: a store of the
 * previous schema (version 2, before the informative-features table) is read without being
 * migrated.
 */
class ReadOnlyStoreCliTest {
  @TempDir Path dir;

  @Test
  void readingCommandsDoNotMigrateAnOlderStore() throws Exception {
    Path store = dir.resolve("old.db");
    SweepFixture.write(store);
    sql(store, "DROP TABLE job_features");
    sql(store, "DELETE FROM schema_version WHERE version = 3");
    assertEquals(2, number(store, "SELECT MAX(version) FROM schema_version"));

    CliTest.Run report = CliTest.cli("experiment", "report", "--store", store.toString());
    assertEquals(0, report.status(), report.err());
    assertTrue(report.out().contains("# Experiment report: fixture-sweep"), report.out());
    assertTrue(!report.out().contains("Informative features"), report.out());
    CliTest.Run plot =
        CliTest.cli(
            "plot",
            "--store",
            store.toString(),
            "--figure",
            "pareto",
            "--out",
            dir.resolve("p.png").toString());
    assertEquals(0, plot.status(), plot.err());

    assertEquals(2, number(store, "SELECT MAX(version) FROM schema_version"));
    assertEquals(
        0,
        number(
            store,
            "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'job_features'"));
  }

  private static void sql(Path file, String statement) throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement s = c.createStatement()) {
      s.execute(statement);
    }
  }

  private static long number(Path file, String query) throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(query)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}

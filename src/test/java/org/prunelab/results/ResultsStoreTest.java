package org.prunelab.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.prunelab.results.ResultsFixtures.SPEC;
import static org.prunelab.results.ResultsFixtures.experiment;
import static org.prunelab.results.ResultsFixtures.key;
import static org.prunelab.results.ResultsFixtures.result;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultsStoreTest {
  @TempDir Path dir;

  private static long count(Path file, String sql) throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  @Test
  void migrationCreatesTheLatestSchemaAndReopeningIsIdempotent() throws Exception {
    Path file = dir.resolve("results.db");
    try (ResultsStore store = ResultsStore.open(file)) {
      assertEquals(3, store.schemaVersion());
      store.recordExperiment(experiment());
    }
    try (ResultsStore store = ResultsStore.open(file)) {
      assertEquals(3, store.schemaVersion());
      assertEquals(experiment(), store.experiment(SPEC));
    }
    assertEquals(3, count(file, "SELECT COUNT(*) FROM schema_version"));
    assertEquals(
        7,
        count(
            file,
            "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name IN"
                + " ('experiment', 'job', 'job_metric', 'job_allocation', 'job_version',"
                + " 'job_similarity', 'job_features')"));
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("PRAGMA journal_mode")) {
      rs.next();
      assertEquals("wal", rs.getString(1));
    }
  }

  @Test
  void aWriteOfAnotherConnectionRaisesTheRevisionAndShowsInTheSnapshot() {
    Path file = dir.resolve("results.db");
    try (ResultsStore reader = ResultsStore.open(file);
        ResultsStore writer = ResultsStore.open(file)) {
      long empty = reader.revision();
      assertEquals(StoreSnapshot.empty().experiments(), StoreSnapshot.read(reader).experiments());
      writer.recordExperiment(experiment());
      long withExperiment = reader.revision();
      assertTrue(withExperiment > empty);
      writer.record(result(key("pfp", 0.5, 0), 0.9));
      assertTrue(reader.revision() > withExperiment);
      StoreSnapshot snapshot = StoreSnapshot.read(reader);
      assertEquals(List.of(experiment()), snapshot.experiments());
      assertEquals(1, snapshot.results(SPEC).size());
      assertEquals(reader.revision(), snapshot.revision());
    }
  }

  @Test
  void databaseFromNewerSchemaIsRefused() throws Exception {
    Path file = dir.resolve("results.db");
    ResultsStore.open(file).close();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement s = c.createStatement()) {
      s.execute(
          "INSERT INTO schema_version (version, description, applied_at) VALUES (7, 'future', 0)");
    }
    ResultsStoreException e =
        assertThrows(ResultsStoreException.class, () -> ResultsStore.open(file));
    assertTrue(e.getMessage().contains("schema version 7"), e.getMessage());
    ResultsStoreException reading =
        assertThrows(ResultsStoreException.class, () -> ResultsStore.openReadOnly(file));
    assertEquals(e.getMessage(), reading.getMessage());
    assertTrue(e.getMessage().contains("newer PruneLab"), e.getMessage());
    assertTrue(e.getMessage().contains(file.toAbsolutePath().toString()), e.getMessage());
  }

  @Test
  void fileThatIsNotADatabaseIsRefusedNamingIt() throws Exception {
    Path file = dir.resolve("notes.db");
    Files.writeString(
        file, "these are my notes, not a database\n".repeat(200), StandardCharsets.UTF_8);
    ResultsStoreException e =
        assertThrows(ResultsStoreException.class, () -> ResultsStore.open(file));
    assertTrue(e.getMessage().contains(file.toAbsolutePath().toString()), e.getMessage());
    assertTrue(e.getMessage().contains("not a readable PruneLab results database"), e.getMessage());
    assertTrue(e.getMessage().contains("new file name"), e.getMessage());
    assertEquals(
        "these are my notes, not a database\n".repeat(200),
        Files.readString(file),
        "file left untouched");
  }

  @Test
  void missingFolderIsRefused() {
    Path file = dir.resolve("absent/results.db");
    ResultsStoreException e =
        assertThrows(ResultsStoreException.class, () -> ResultsStore.open(file));
    assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
  }

  @Test
  void informativeFeaturesReadBackWithUndefinedMeansAsNaN() {
    try (ResultsStore store = ResultsStore.open(dir.resolve("results.db"))) {
      store.recordExperiment(experiment());
      FeatureMetric measured = new FeatureMetric(20, 18, 0.9, 2, 0.05, 0.4, 0.7, 0.8);
      FeatureMetric noneFound =
          new FeatureMetric(20, 0, 0.9, 2, Double.NaN, Double.NaN, Double.NaN, 0.1);
      store.record(result(key("pfp", 0.5, 0), 0.875), List.of(), Optional.of(measured));
      store.record(result(key("pfp", 0.1, 0), 0.3), List.of(), Optional.of(noneFound));
      store.record(result(key("wt", 0.5, 0), 0.8));
      Map<JobKey, FeatureMetric> read = store.features(SPEC);
      assertEquals(Map.of(key("pfp", 0.5, 0), measured, key("pfp", 0.1, 0), noneFound), read);
      assertTrue(Double.isNaN(read.get(key("pfp", 0.1, 0)).overlap()));
    }
  }

  @Test
  void recordedResultReadsBackEqual() {
    try (ResultsStore store = ResultsStore.open(dir.resolve("results.db"))) {
      store.recordExperiment(experiment());
      JobResult pfp = result(key("pfp", 0.5, 0), 0.875);
      JobResult sipp = result(key("sipp", 0.3, 1), 0.75);
      assertFalse(store.isFinished(pfp.key()));
      store.record(sipp);
      store.record(pfp);
      assertTrue(store.isFinished(pfp.key()));
      assertFalse(store.isFinished(key("pfp", 0.5, 1)));
      assertEquals(List.of(pfp, sipp), store.results(SPEC));
      assertEquals(
          List.of("conv2", "conv1", "fc1"),
          List.copyOf(store.results(SPEC).get(0).keptPerUnit().keySet()),
          "allocation keeps network order");
      assertEquals(Set.of(pfp.key(), sipp.key()), store.finishedKeys(SPEC));
      assertEquals(List.of("clean", "fog/3"), store.distributions(SPEC));
      assertEquals(List.of(), store.results("other"));
    }
  }

  @Test
  void sameExperimentAgainIsANoOpButAChangedSpecIsRefused() {
    try (ResultsStore store = ResultsStore.open(dir.resolve("results.db"))) {
      store.recordExperiment(experiment());
      store.recordExperiment(
          new ExperimentRecord(SPEC, "lenet5 sweep", experiment().specText(), Instant.now()));
      assertEquals(experiment(), store.experiment(SPEC));
      ResultsStoreException e =
          assertThrows(
              ResultsStoreException.class,
              () ->
                  store.recordExperiment(
                      new ExperimentRecord(
                          SPEC, "lenet5 sweep", "network: vgg11\n", Instant.now())));
      assertTrue(e.getMessage().contains("different spec text"), e.getMessage());
    }
  }

  @Test
  void duplicateJobKeyIsRefusedAndTheFirstResultKept() {
    try (ResultsStore store = ResultsStore.open(dir.resolve("results.db"))) {
      store.recordExperiment(experiment());
      JobResult first = result(key("pfp", 0.5, 0), 0.875);
      store.record(first);
      ResultsStoreException e =
          assertThrows(
              ResultsStoreException.class, () -> store.record(result(key("pfp", 0.5, 0), 0.5)));
      assertTrue(e.getMessage().contains("already recorded"), e.getMessage());
      assertEquals(List.of(first), store.results(SPEC));
    }
  }

  @Test
  void jobOfUnknownExperimentIsRefused() {
    try (ResultsStore store = ResultsStore.open(dir.resolve("results.db"))) {
      ResultsStoreException e =
          assertThrows(
              ResultsStoreException.class, () -> store.record(result(key("pfp", 0.5, 0), 0.875)));
      assertTrue(e.getMessage().contains("recordExperiment"), e.getMessage());
    }
  }

  @Test
  void failureMidwayLeavesNothing() throws Exception {
    Path file = dir.resolve("results.db");
    JobKey key = key("pfp", 0.5, 0);
    try (ResultsStore store = ResultsStore.open(file)) {
      store.recordExperiment(experiment());
      // The job row and the first metric insert; the second metric repeats the distribution, so the
      // metric
      // table's primary key fails after two rows of this job are written.
      JobResult broken =
          new JobResult(
              key,
              100,
              200,
              1000,
              2000,
              Map.of("conv1", 3),
              List.of(
                  new DistributionMetric("clean", 0.9, 1, 0.1),
                  new DistributionMetric("clean", 0.8, 1, 0.2)),
              Duration.ZERO,
              Duration.ZERO,
              Map.of());
      assertThrows(ResultsStoreException.class, () -> store.record(broken));
      assertFalse(store.isFinished(key));
      assertEquals(List.of(), store.results(SPEC));
      JobResult good = result(key, 0.875);
      store.record(good);
      assertEquals(List.of(good), store.results(SPEC));
    }
    assertEquals(1, count(file, "SELECT COUNT(*) FROM job"));
    assertEquals(2, count(file, "SELECT COUNT(*) FROM job_metric"));
    assertEquals(3, count(file, "SELECT COUNT(*) FROM job_allocation"));
  }

  @Test
  void schemaChecksRejectBadValuesFromOtherWriters() throws Exception {
    Path file = dir.resolve("results.db");
    try (ResultsStore store = ResultsStore.open(file)) {
      store.recordExperiment(experiment());
      store.record(result(key("pfp", 0.5, 0), 0.875));
    }
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement s = c.createStatement()) {
      s.execute("PRAGMA foreign_keys = ON");
      String job = "(SELECT job_id FROM job)";
      assertThrows(
          SQLException.class,
          () -> s.execute("INSERT INTO job_metric VALUES (" + job + ", 5, 'blur/1', 1.5, 1, 0.1)"),
          "top1 above 1");
      assertThrows(
          SQLException.class,
          () ->
              s.execute("INSERT INTO job_metric VALUES ('no-such-job', 5, 'blur/1', 0.5, 1, 0.1)"),
          "unknown job");
    }
  }

  @Test
  void rowsTheRecordsRejectAreAStoreErrorWhenRead() throws Exception {
    Path file = dir.resolve("results.db");
    try (ResultsStore store = ResultsStore.open(file)) {
      store.recordExperiment(experiment());
      store.record(result(key("pfp", 0.5, 0), 0.875));
    }
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement s = c.createStatement()) {
      s.execute("UPDATE job SET method = ' '");
    }
    try (ResultsStore store = ResultsStore.open(file)) {
      ResultsStoreException results =
          assertThrows(ResultsStoreException.class, () -> store.results(SPEC));
      assertTrue(
          results.getMessage().contains(file.toString())
              && results.getMessage().contains("method must not be blank"),
          results.getMessage());
      assertThrows(ResultsStoreException.class, () -> store.finishedKeys(SPEC));
    }
  }

  @Test
  void accuracyByMethodAggregatesRepetitions() {
    try (ResultsStore store = ResultsStore.open(dir.resolve("results.db"))) {
      store.recordExperiment(experiment());
      // pfp at 0.5: clean top-1 0.80, 0.90, 0.85 -> mean 0.85, deviations -0.05, 0.05, 0
      // -> s = sqrt((0.0025 + 0.0025 + 0) / 2) = 0.05.
      store.record(result(key("pfp", 0.5, 0), 0.80));
      store.record(result(key("pfp", 0.5, 1), 0.90));
      store.record(result(key("pfp", 0.5, 2), 0.85));
      // pfp at 0.3: one repetition, std 0. sipp at 0.5: 0.6 and 0.7 -> mean 0.65, s = sqrt(2 *
      // 0.0025) = 0.0707107.
      store.record(result(key("pfp", 0.3, 0), 0.70));
      store.record(result(key("sipp", 0.5, 0), 0.60));
      store.record(result(key("sipp", 0.5, 1), 0.70));
      List<MethodAccuracy> rows = store.accuracyByMethod(SPEC, "clean");
      assertEquals(3, rows.size());
      assertRow(rows.get(0), "pfp", 0.3, 18_512.0 / 61_706, 124_956.0 / 416_520, 0.70, 0, 1);
      assertRow(rows.get(1), "pfp", 0.5, 30_853.0 / 61_706, 208_260.0 / 416_520, 0.85, 0.05, 3);
      assertRow(rows.get(2), "sipp", 0.5, 0.5, 0.5, 0.65, 0.0707107, 2);
      // fog/3 holds half the clean accuracy: mean halves, std halves.
      assertRow(
          store.accuracyByMethod(SPEC, "fog/3").get(1), "pfp", 0.5, 0.5, 0.5, 0.425, 0.025, 3);
      assertEquals(List.of(), store.accuracyByMethod(SPEC, "snow/5"));
    }
  }

  private static void assertRow(
      MethodAccuracy row,
      String method,
      double keepRatio,
      double paramRatio,
      double flopRatio,
      double mean,
      double std,
      int n) {
    assertEquals("lenet5", row.network());
    assertEquals("retrain", row.mode());
    assertEquals(method, row.method());
    assertEquals(keepRatio, row.keepRatio(), 0);
    assertEquals(paramRatio, row.paramRatio(), 1e-12);
    assertEquals(flopRatio, row.flopRatio(), 1e-12);
    assertEquals(mean, row.mean(), 1e-12);
    assertEquals(std, row.std(), 1e-7);
    assertEquals(n, row.n());
  }

  @Test
  void recordsRejectBadValues() {
    assertThrows(
        IllegalArgumentException.class, () -> new JobKey(SPEC, "lenet5", "pfp", 0, 0, "retrain"));
    assertThrows(
        IllegalArgumentException.class,
        () -> new JobKey(SPEC, "lenet5", "pfp", 0.5, -1, "retrain"));
    assertThrows(
        IllegalArgumentException.class, () -> new JobKey(SPEC, " ", "pfp", 0.5, 0, "retrain"));
    assertThrows(
        IllegalArgumentException.class, () -> new DistributionMetric("clean", Double.NaN, 1, 0.1));
    assertThrows(
        IllegalArgumentException.class, () -> new DistributionMetric("clean", 0.5, 1, Double.NaN));
    assertThrows(
        IllegalArgumentException.class, () -> new DistributionMetric("clean", 0.5, 1.01, 0.1));
  }
}

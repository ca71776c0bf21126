package org.prunelab.results;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;

/**
 * The results of experiments in a JDBC database: an embedded SQLite file by default ({@link
 * #open(Path)}), any database that speaks portable SQL otherwise ({@link #open(String)}). Opening
 * migrates the schema to {@link Migrations#LATEST}; {@link #record(JobResult)} writes a job with
 * its metrics, allocation and versions in one transaction, so a crash or {@code kill -9} loses at
 * most the job in flight and never leaves half a result. A key that is already recorded is refused
 * (results are immutable; a runner asks {@link #isFinished} first).
 *
 * <p>One store holds one connection; its methods are synchronized. Several processes may open the
 * same SQLite file (WAL mode, writers wait up to {@link #BUSY_TIMEOUT_MS} ms for each other).
 */
public final class ResultsStore implements AutoCloseable {
  /** How long an SQLite writer waits for another process's transaction before giving up. */
  public static final int BUSY_TIMEOUT_MS = 10_000;

  /** SQLite's SQLITE_OPEN_READONLY flag, as the JDBC driver's "open_mode" property takes it. */
  private static final int SQLITE_OPEN_READONLY = 0x00000001;

  /** The schema version that added the functional-similarity table. */
  private static final int SIMILARITY_SCHEMA = 2;

  /** The schema version that added the informative-features table. */
  private static final int FEATURES_SCHEMA = 3;

  private static final String JOB_COLUMNS =
      "j.job_id, j.spec_hash, j.network, j.method, j.keep_ratio,"
          + " j.repetition, j.mode, j.realised_params, j.realised_flops, j.original_params, j.original_flops,"
          + " j.prune_nanos, j.retrain_nanos";
  private static final String KEY_MATCH =
      "spec_hash = ? AND network = ? AND method = ? AND keep_ratio = ?"
          + " AND repetition = ? AND mode = ?";

  private final Connection connection;
  private final String location;

  private ResultsStore(Connection connection, String location) {
    this.connection = connection;
    this.location = location;
  }

  /** Opens (creating if absent) the SQLite results file and migrates it to the latest schema. */
  public static ResultsStore open(Path sqliteFile) {
    Path file = sqliteFile.toAbsolutePath();
    if (file.getParent() != null && !Files.isDirectory(file.getParent())) {
      throw new ResultsStoreException(
          "Cannot create results store "
              + file
              + ": folder "
              + file.getParent()
              + " does not exist; create it or pick a file in an existing folder");
    }
    if (Files.isDirectory(file)) {
      throw new ResultsStoreException(
          "Results store "
              + file
              + " is a folder; pass a file name such as "
              + file.resolve("results.db"));
    }
    return open("jdbc:sqlite:" + file, file.toString());
  }

  /**
   * Opens an existing SQLite results file for reading only: no migration (a store written by an
   * older PruneLab stays as it is; what its schema lacks reads as absent, e.g. {@link #features}),
   * no journal-mode switch, a read-only connection, so that commands that only read (report, plot,
   * status) never modify it. A store of a newer schema is refused as by {@link #open(Path)}.
   *
   * @throws ResultsStoreException when the file is missing or not a PruneLab results database
   */
  public static ResultsStore openReadOnly(Path sqliteFile) {
    Path file = sqliteFile.toAbsolutePath();
    if (!Files.isRegularFile(file)) {
      throw new ResultsStoreException(
          "no results store at " + file + "; pass the file that 'prunelab experiment run' wrote");
    }
    String location = file.toString();
    Connection connection;
    try {
      Properties options = new Properties();
      options.setProperty("open_mode", String.valueOf(SQLITE_OPEN_READONLY));
      connection = DriverManager.getConnection("jdbc:sqlite:" + file, options);
    } catch (SQLException e) {
      throw new ResultsStoreException(
          "Cannot open results store " + location + " for reading: " + e.getMessage(), e);
    }
    try {
      try (Statement s = connection.createStatement()) {
        s.execute("PRAGMA busy_timeout = " + BUSY_TIMEOUT_MS);
      }
      ResultsStore store = new ResultsStore(connection, location);
      store.refuseNewerSchema(store.readSchemaVersion());
      return store;
    } catch (SQLException | RuntimeException e) {
      closeQuietly(connection, e);
      if (e instanceof ResultsStoreException r) {
        throw r;
      }
      throw new ResultsStoreException(
          location
              + " is not a readable PruneLab results database ("
              + e.getMessage()
              + "); pass the file that 'prunelab experiment run' wrote",
          e);
    }
  }

  /**
   * Opens the results database at a JDBC URL ({@code jdbc:sqlite:...}, {@code jdbc:postgresql:...})
   * and migrates it.
   */
  public static ResultsStore open(String jdbcUrl) {
    return open(jdbcUrl, jdbcUrl);
  }

  private static ResultsStore open(String jdbcUrl, String location) {
    Connection connection;
    try {
      connection = DriverManager.getConnection(jdbcUrl);
    } catch (SQLException e) {
      throw new ResultsStoreException(
          "Cannot connect to results store "
              + location
              + ": "
              + e.getMessage()
              + "; check the URL and that its JDBC driver is on the classpath",
          e);
    }
    try {
      if (jdbcUrl.startsWith("jdbc:sqlite:")) {
        configureSqlite(connection);
      }
      ResultsStore store = new ResultsStore(connection, location);
      store.migrate();
      return store;
    } catch (SQLException | RuntimeException e) {
      closeQuietly(connection, e);
      if (e instanceof ResultsStoreException r) {
        throw r;
      }
      throw new ResultsStoreException(
          location
              + " is not a readable PruneLab results database ("
              + e.getMessage()
              + "); pass a new file name to start a fresh store, or restore the file from a backup",
          e);
    }
  }

  /**
   * The only SQLite-specific SQL: write-ahead log, enforced foreign keys, waiting for other
   * writers.
   */
  private static void configureSqlite(Connection connection) throws SQLException {
    try (Statement s = connection.createStatement()) {
      s.execute("PRAGMA busy_timeout = " + BUSY_TIMEOUT_MS);
      s.execute("PRAGMA foreign_keys = ON");
      useWriteAheadLog(s);
    }
  }

  /**
   * Switches a new file to the write-ahead log (the mode is kept in the file, so later opens find
   * it set). Switching needs the file to itself and SQLite does not wait for that on its own, so a
   * switch that finds another connection at work is retried for up to {@link #BUSY_TIMEOUT_MS} ms.
   */
  private static void useWriteAheadLog(Statement s) throws SQLException {
    long deadline = System.nanoTime() + BUSY_TIMEOUT_MS * 1_000_000L;
    while (true) {
      try (ResultSet rs = s.executeQuery("PRAGMA journal_mode = WAL")) {
        rs.next();
        return;
      } catch (SQLException e) {
        if (!e.getMessage().contains("SQLITE_BUSY") || System.nanoTime() > deadline) {
          throw e;
        }
      }
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new SQLException("interrupted while waiting to open the store", e);
      }
    }
  }

  private static void closeQuietly(Connection connection, Exception cause) {
    try {
      connection.close();
    } catch (SQLException e) {
      cause.addSuppressed(e);
    }
  }

  /** The schema version of the open database. */
  public synchronized int schemaVersion() {
    try {
      return readSchemaVersion();
    } catch (SQLException e) {
      throw failure("read the schema version of", e);
    }
  }

  /** Refuses a store written by a newer PruneLab, whose schema this build does not know. */
  private void refuseNewerSchema(int version) {
    if (version > Migrations.LATEST) {
      throw new ResultsStoreException(
          "Results store "
              + location
              + " has schema version "
              + version
              + ", newer than the "
              + Migrations.LATEST
              + " this PruneLab knows; open it with a newer PruneLab, or"
              + " pass another file");
    }
  }

  private void migrate() throws SQLException {
    try (Statement s = connection.createStatement()) {
      s.execute(
          "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL PRIMARY KEY,"
              + " description VARCHAR(200) NOT NULL, applied_at BIGINT NOT NULL)");
    }
    int current = readSchemaVersion();
    refuseNewerSchema(current);
    for (Migration m : Migrations.ALL) {
      if (m.version() > current) {
        inTransaction(
            () -> {
              lockSchema();
              if (readSchemaVersion() >= m.version()) {
                return null; // another connection applied it while this one waited
              }
              try (Statement s = connection.createStatement()) {
                for (String sql : m.statements()) {
                  s.execute(sql);
                }
              }
              try (PreparedStatement p =
                  connection.prepareStatement(
                      "INSERT INTO schema_version (version, description, applied_at) VALUES (?, ?, ?)")) {
                p.setInt(1, m.version());
                p.setString(2, m.description());
                p.setLong(3, System.currentTimeMillis());
                p.executeUpdate();
              }
              return null;
            });
      }
    }
  }

  /**
   * Takes the database's write lock at the start of a migration's transaction (a write that changes
   * nothing), so that of several connections migrating a new store at once (a sweep and a workbench
   * opening the same file) one applies each migration and the others, waiting up to {@link
   * #BUSY_TIMEOUT_MS} ms, then see it applied.
   */
  private void lockSchema() throws SQLException {
    try (Statement s = connection.createStatement()) {
      s.executeUpdate("UPDATE schema_version SET version = version WHERE version < 0");
    }
  }

  private int readSchemaVersion() throws SQLException {
    try (Statement s = connection.createStatement();
        ResultSet rs = s.executeQuery("SELECT MAX(version) FROM schema_version")) {
      rs.next();
      return rs.getInt(1);
    }
  }

  /**
   * Records an experiment. Recording the same spec hash again with the same spec text does nothing
   * (a re-run resumes); with a different text it is refused.
   */
  public synchronized void recordExperiment(ExperimentRecord experiment) {
    try {
      inTransaction(
          () -> {
            ExperimentRecord existing = readExperiment(experiment.specHash());
            if (existing != null) {
              if (!existing.specText().equals(experiment.specText())) {
                throw new ResultsStoreException(
                    "Experiment "
                        + experiment.specHash()
                        + " is already recorded in "
                        + location
                        + " with a different spec text; give the changed spec its own hash or use another store");
              }
              return null;
            }
            try (PreparedStatement p =
                connection.prepareStatement(
                    "INSERT INTO experiment (spec_hash, name, spec_text, created_at) VALUES (?, ?, ?, ?)")) {
              p.setString(1, experiment.specHash());
              p.setString(2, experiment.name());
              p.setString(3, experiment.specText());
              p.setLong(4, experiment.createdAt().toEpochMilli());
              p.executeUpdate();
            }
            return null;
          });
    } catch (SQLException e) {
      throw failure("record experiment " + experiment.specHash() + " in", e);
    }
  }

  /** The experiment with this spec hash, or null if none is recorded. */
  public synchronized ExperimentRecord experiment(String specHash) {
    try {
      return readExperiment(specHash);
    } catch (SQLException e) {
      throw failure("read experiment " + specHash + " from", e);
    }
  }

  private ExperimentRecord readExperiment(String specHash) throws SQLException {
    try (PreparedStatement p =
        connection.prepareStatement(
            "SELECT spec_hash, name, spec_text, created_at FROM experiment WHERE spec_hash = ?")) {
      p.setString(1, specHash);
      try (ResultSet rs = p.executeQuery()) {
        return rs.next()
            ? new ExperimentRecord(
                rs.getString(1),
                rs.getString(2),
                rs.getString(3),
                Instant.ofEpochMilli(rs.getLong(4)))
            : null;
      }
    }
  }

  /**
   * A number that grows whenever an experiment or a job is recorded, by this connection or by any
   * other process writing the same store (results are immutable and never deleted): a reader that
   * polls it knows when to read the store again. One cheap query.
   */
  public synchronized long revision() {
    try (Statement s = connection.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT (SELECT COUNT(*) FROM experiment) + (SELECT COUNT(*) FROM job)")) {
      rs.next();
      return rs.getLong(1);
    } catch (SQLException e) {
      throw failure("read the revision of", e);
    }
  }

  /** Every recorded experiment, oldest first (ties by spec hash). */
  public synchronized List<ExperimentRecord> experiments() {
    try (PreparedStatement p =
            connection.prepareStatement(
                "SELECT spec_hash, name, spec_text, created_at FROM experiment ORDER BY created_at, spec_hash");
        ResultSet rs = p.executeQuery()) {
      List<ExperimentRecord> experiments = new ArrayList<>();
      while (rs.next()) {
        experiments.add(
            new ExperimentRecord(
                rs.getString(1),
                rs.getString(2),
                rs.getString(3),
                Instant.ofEpochMilli(rs.getLong(4))));
      }
      return experiments;
    } catch (SQLException e) {
      throw failure("list the experiments in", e);
    }
  }

  /** Whether a result for this key is recorded. */
  public synchronized boolean isFinished(JobKey key) {
    try {
      return jobId(key) != null;
    } catch (SQLException e) {
      throw failure("look up job " + key + " in", e);
    }
  }

  /**
   * The keys of every recorded job of an experiment, in network, method, ratio, repetition, mode
   * order.
   */
  public synchronized Set<JobKey> finishedKeys(String specHash) {
    try (PreparedStatement p =
        connection.prepareStatement(
            "SELECT spec_hash, network, method, keep_ratio,"
                + " repetition, mode FROM job WHERE spec_hash = ? ORDER BY network, method, keep_ratio, repetition, mode")) {
      p.setString(1, specHash);
      Set<JobKey> keys = new LinkedHashSet<>();
      try (ResultSet rs = p.executeQuery()) {
        while (rs.next()) {
          keys.add(key(rs));
        }
      }
      return keys;
    } catch (SQLException | IllegalArgumentException e) {
      throw failure("list the finished jobs of " + specHash + " in", e);
    }
  }

  private String jobId(JobKey key) throws SQLException {
    try (PreparedStatement p =
        connection.prepareStatement("SELECT job_id FROM job WHERE " + KEY_MATCH)) {
      bindKey(p, 1, key);
      try (ResultSet rs = p.executeQuery()) {
        return rs.next() ? rs.getString(1) : null;
      }
    }
  }

  private static int bindKey(PreparedStatement p, int first, JobKey key) throws SQLException {
    p.setString(first, key.specHash());
    p.setString(first + 1, key.network());
    p.setString(first + 2, key.method());
    p.setDouble(first + 3, key.keepRatio());
    p.setInt(first + 4, key.repetition());
    p.setString(first + 5, key.mode());
    return first + 6;
  }

  /**
   * Writes one finished job: its row, its metrics, its allocation and its versions, all or nothing.
   * The experiment must be recorded first; a key that is already recorded is refused.
   */
  public synchronized void record(JobResult result) {
    record(result, List.of());
  }

  /**
   * Writes one finished job with its functional similarity to the unpruned network (one row per
   * noise level eps, eps distinct), all in one transaction; otherwise as {@link
   * #record(JobResult)}.
   */
  public synchronized void record(JobResult result, List<SimilarityMetric> similarity) {
    record(result, similarity, Optional.empty());
  }

  /**
   * Writes one finished job with its functional similarity and, when measured, its informative
   * features against the unpruned network, all in one transaction; otherwise as {@link
   * #record(JobResult)}.
   */
  public synchronized void record(
      JobResult result, List<SimilarityMetric> similarity, Optional<FeatureMetric> features) {
    JobKey key = result.key();
    if (similarity.stream().map(SimilarityMetric::eps).distinct().count() != similarity.size()) {
      throw new IllegalArgumentException(
          "job " + key + " has two similarity rows for one eps: " + similarity);
    }
    try {
      inTransaction(
          () -> {
            if (readExperiment(key.specHash()) == null) {
              throw new ResultsStoreException(
                  "No experiment "
                      + key.specHash()
                      + " in "
                      + location
                      + "; call recordExperiment before recording its jobs");
            }
            if (jobId(key) != null) {
              throw new ResultsStoreException(
                  "Job "
                      + key
                      + " is already recorded in "
                      + location
                      + "; results are never overwritten: skip finished jobs (isFinished) or use a new spec hash");
            }
            String id = UUID.randomUUID().toString();
            insertJob(id, result);
            insertMetrics(id, result.metrics());
            insertAllocation(id, result.keptPerUnit());
            insertVersions(id, result.versions());
            insertSimilarity(id, similarity);
            if (features.isPresent()) {
              insertFeatures(id, features.get());
            }
            return null;
          });
    } catch (SQLException e) {
      throw failure("record job " + key + " in", e);
    }
  }

  private void insertJob(String id, JobResult r) throws SQLException {
    try (PreparedStatement p =
        connection.prepareStatement(
            "INSERT INTO job (job_id, spec_hash, network, method,"
                + " keep_ratio, repetition, mode, realised_params, realised_flops, original_params, original_flops,"
                + " prune_nanos, retrain_nanos, finished_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      p.setString(1, id);
      int i = bindKey(p, 2, r.key());
      p.setLong(i, r.realisedParams());
      p.setLong(i + 1, r.realisedFlops());
      p.setLong(i + 2, r.originalParams());
      p.setLong(i + 3, r.originalFlops());
      p.setLong(i + 4, r.pruneTime().toNanos());
      p.setLong(i + 5, r.retrainTime().toNanos());
      p.setLong(i + 6, System.currentTimeMillis());
      p.executeUpdate();
    }
  }

  private void insertMetrics(String id, List<DistributionMetric> metrics) throws SQLException {
    try (PreparedStatement p =
        connection.prepareStatement(
            "INSERT INTO job_metric (job_id, ordinal, distribution,"
                + " top1, top5, loss) VALUES (?, ?, ?, ?, ?, ?)")) {
      for (int i = 0; i < metrics.size(); i++) {
        DistributionMetric m = metrics.get(i);
        p.setString(1, id);
        p.setInt(2, i);
        p.setString(3, m.distribution());
        p.setDouble(4, m.top1());
        p.setDouble(5, m.top5());
        p.setDouble(6, m.loss());
        p.executeUpdate();
      }
    }
  }

  private void insertAllocation(String id, Map<String, Integer> keptPerUnit) throws SQLException {
    try (PreparedStatement p =
        connection.prepareStatement(
            "INSERT INTO job_allocation (job_id, ordinal, unit, kept) VALUES (?, ?, ?, ?)")) {
      int ordinal = 0;
      for (Map.Entry<String, Integer> e : keptPerUnit.entrySet()) {
        p.setString(1, id);
        p.setInt(2, ordinal++);
        p.setString(3, e.getKey());
        p.setInt(4, e.getValue());
        p.executeUpdate();
      }
    }
  }

  private void insertVersions(String id, Map<String, String> versions) throws SQLException {
    try (PreparedStatement p =
        connection.prepareStatement(
            "INSERT INTO job_version (job_id, component, version) VALUES (?, ?, ?)")) {
      for (Map.Entry<String, String> e : versions.entrySet()) {
        p.setString(1, id);
        p.setString(2, e.getKey());
        p.setString(3, e.getValue());
        p.executeUpdate();
      }
    }
  }

  private void insertSimilarity(String id, List<SimilarityMetric> similarity) throws SQLException {
    try (PreparedStatement p =
        connection.prepareStatement(
            "INSERT INTO job_similarity (job_id, eps, agreement,"
                + " logit_distance, softmax_distance) VALUES (?, ?, ?, ?, ?)")) {
      for (SimilarityMetric m : similarity) {
        p.setString(1, id);
        p.setDouble(2, m.eps());
        p.setDouble(3, m.agreement());
        p.setDouble(4, m.logitDistance());
        p.setDouble(5, m.softmaxDistance());
        p.executeUpdate();
      }
    }
  }

  private void insertFeatures(String id, FeatureMetric m) throws SQLException {
    try (PreparedStatement p =
        connection.prepareStatement(
            "INSERT INTO job_features (job_id, images, found, threshold, patch, sis_fraction,"
                + " overlap, reference_on_candidate, candidate_on_reference)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      p.setString(1, id);
      p.setInt(2, m.images());
      p.setInt(3, m.found());
      p.setDouble(4, m.threshold());
      p.setInt(5, m.patch());
      setNullable(p, 6, m.sisFraction());
      setNullable(p, 7, m.overlap());
      setNullable(p, 8, m.referenceOnCandidate());
      p.setDouble(9, m.candidateOnReference());
      p.executeUpdate();
    }
  }

  /** NaN (undefined) is stored as NULL. */
  private static void setNullable(PreparedStatement p, int index, double value)
      throws SQLException {
    if (Double.isNaN(value)) {
      p.setNull(index, Types.DOUBLE);
    } else {
      p.setDouble(index, value);
    }
  }

  /**
   * The job key in columns 1-6 (spec hash, network, method, keep ratio, repetition, mode) of a row.
   */
  private static JobKey key(ResultSet rs) throws SQLException {
    return new JobKey(
        rs.getString(1),
        rs.getString(2),
        rs.getString(3),
        rs.getDouble(4),
        rs.getInt(5),
        rs.getString(6));
  }

  /** NULL is read back as NaN. */
  private static double nullable(ResultSet rs, int index) throws SQLException {
    double value = rs.getDouble(index);
    return rs.wasNull() ? Double.NaN : value;
  }

  /**
   * The informative features of every job of an experiment measured with a {@code features} probe,
   * by job key in network, method, ratio, repetition, mode order; jobs measured without it are
   * absent.
   */
  public synchronized Map<JobKey, FeatureMetric> features(String specHash) {
    if (schemaVersion() < FEATURES_SCHEMA) {
      return Map.of(); // a store opened read-only from before the features table
    }
    try (PreparedStatement p =
        connection.prepareStatement(
            "SELECT j.spec_hash, j.network, j.method, j.keep_ratio, j.repetition, j.mode,"
                + " f.images, f.found, f.threshold, f.patch, f.sis_fraction, f.overlap,"
                + " f.reference_on_candidate, f.candidate_on_reference FROM job_features f"
                + " JOIN job j ON j.job_id = f.job_id WHERE j.spec_hash = ?"
                + " ORDER BY j.network, j.method, j.keep_ratio, j.repetition, j.mode")) {
      p.setString(1, specHash);
      Map<JobKey, FeatureMetric> rows = new LinkedHashMap<>();
      try (ResultSet rs = p.executeQuery()) {
        while (rs.next()) {
          JobKey key = key(rs);
          rows.put(
              key,
              new FeatureMetric(
                  rs.getInt(7),
                  rs.getInt(8),
                  rs.getDouble(9),
                  rs.getInt(10),
                  nullable(rs, 11),
                  nullable(rs, 12),
                  nullable(rs, 13),
                  rs.getDouble(14)));
        }
      }
      return rows;
    } catch (SQLException | IllegalArgumentException e) {
      throw failure("read the informative features of " + specHash + " from", e);
    }
  }

  /**
   * The functional similarity of every recorded job of an experiment to its unpruned network, by
   * job key, each list in ascending eps; jobs recorded without similarity are absent.
   */
  public synchronized Map<JobKey, List<SimilarityMetric>> similarity(String specHash) {
    if (schemaVersion() < SIMILARITY_SCHEMA) {
      return Map.of(); // a store opened read-only from before the similarity table
    }
    try (PreparedStatement p =
        connection.prepareStatement(
            "SELECT j.spec_hash, j.network, j.method, j.keep_ratio,"
                + " j.repetition, j.mode, s.eps, s.agreement, s.logit_distance, s.softmax_distance FROM job_similarity s"
                + " JOIN job j ON j.job_id = s.job_id WHERE j.spec_hash = ?"
                + " ORDER BY j.network, j.method, j.keep_ratio, j.repetition, j.mode, s.eps")) {
      p.setString(1, specHash);
      Map<JobKey, List<SimilarityMetric>> rows = new LinkedHashMap<>();
      try (ResultSet rs = p.executeQuery()) {
        while (rs.next()) {
          JobKey key = key(rs);
          rows.computeIfAbsent(key, k -> new ArrayList<>())
              .add(
                  new SimilarityMetric(
                      rs.getDouble(7), rs.getDouble(8), rs.getDouble(9), rs.getDouble(10)));
        }
      }
      return rows;
    } catch (SQLException | IllegalArgumentException e) {
      throw failure("read the functional similarity of " + specHash + " from", e);
    }
  }

  /** Every recorded job of an experiment, in network, method, ratio, repetition, mode order. */
  public synchronized List<JobResult> results(String specHash) {
    try {
      Map<String, List<DistributionMetric>> metrics = new HashMap<>();
      try (PreparedStatement p =
          connection.prepareStatement(
              "SELECT m.job_id, m.distribution, m.top1, m.top5,"
                  + " m.loss FROM job_metric m JOIN job j ON j.job_id = m.job_id WHERE j.spec_hash = ?"
                  + " ORDER BY m.job_id, m.ordinal")) {
        p.setString(1, specHash);
        try (ResultSet rs = p.executeQuery()) {
          while (rs.next()) {
            metrics
                .computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                .add(
                    new DistributionMetric(
                        rs.getString(2), rs.getDouble(3), rs.getDouble(4), rs.getDouble(5)));
          }
        }
      }
      Map<String, Map<String, Integer>> allocation = new HashMap<>();
      try (PreparedStatement p =
          connection.prepareStatement(
              "SELECT a.job_id, a.unit, a.kept FROM job_allocation a"
                  + " JOIN job j ON j.job_id = a.job_id WHERE j.spec_hash = ? ORDER BY a.job_id, a.ordinal")) {
        p.setString(1, specHash);
        try (ResultSet rs = p.executeQuery()) {
          while (rs.next()) {
            allocation
                .computeIfAbsent(rs.getString(1), k -> new LinkedHashMap<>())
                .put(rs.getString(2), rs.getInt(3));
          }
        }
      }
      Map<String, Map<String, String>> versions = new HashMap<>();
      try (PreparedStatement p =
          connection.prepareStatement(
              "SELECT v.job_id, v.component, v.version"
                  + " FROM job_version v JOIN job j ON j.job_id = v.job_id WHERE j.spec_hash = ?"
                  + " ORDER BY v.job_id, v.component")) {
        p.setString(1, specHash);
        try (ResultSet rs = p.executeQuery()) {
          while (rs.next()) {
            versions
                .computeIfAbsent(rs.getString(1), k -> new LinkedHashMap<>())
                .put(rs.getString(2), rs.getString(3));
          }
        }
      }
      List<JobResult> results = new ArrayList<>();
      try (PreparedStatement p =
          connection.prepareStatement(
              "SELECT "
                  + JOB_COLUMNS
                  + " FROM job j"
                  + " WHERE j.spec_hash = ? ORDER BY j.network, j.method, j.keep_ratio, j.repetition, j.mode")) {
        p.setString(1, specHash);
        try (ResultSet rs = p.executeQuery()) {
          while (rs.next()) {
            String id = rs.getString(1);
            JobKey key =
                new JobKey(
                    rs.getString(2),
                    rs.getString(3),
                    rs.getString(4),
                    rs.getDouble(5),
                    rs.getInt(6),
                    rs.getString(7));
            results.add(
                new JobResult(
                    key,
                    rs.getLong(8),
                    rs.getLong(9),
                    rs.getLong(10),
                    rs.getLong(11),
                    allocation.getOrDefault(id, Map.of()),
                    metrics.getOrDefault(id, List.of()),
                    Duration.ofNanos(rs.getLong(12)),
                    Duration.ofNanos(rs.getLong(13)),
                    versions.getOrDefault(id, Map.of())));
          }
        }
      }
      return results;
    } catch (SQLException | IllegalArgumentException e) {
      throw failure("read the results of " + specHash + " from", e);
    }
  }

  /** The test distributions any job of an experiment was evaluated on, sorted by name. */
  public synchronized List<String> distributions(String specHash) {
    try (PreparedStatement p =
        connection.prepareStatement(
            "SELECT DISTINCT m.distribution FROM job_metric m"
                + " JOIN job j ON j.job_id = m.job_id WHERE j.spec_hash = ? ORDER BY m.distribution")) {
      p.setString(1, specHash);
      List<String> names = new ArrayList<>();
      try (ResultSet rs = p.executeQuery()) {
        while (rs.next()) {
          names.add(rs.getString(1));
        }
      }
      return names;
    } catch (SQLException e) {
      throw failure("list the distributions of " + specHash + " in", e);
    }
  }

  /**
   * Top-1 accuracy on one distribution per network, mode, method and keep ratio, over repetitions:
   * mean, sample standard deviation and count, with the mean realised parameter and FLOP ratios
   * ({@link MethodAccuracy}). Rows come in network, mode, method, keep-ratio order; jobs not
   * evaluated on the distribution are left out.
   */
  public synchronized List<MethodAccuracy> accuracyByMethod(String specHash, String distribution) {
    List<MethodAccuracy> rows = new ArrayList<>();
    try (PreparedStatement p =
        connection.prepareStatement(
            "SELECT j.network, j.mode, j.method, j.keep_ratio,"
                + " j.realised_params, j.original_params, j.realised_flops, j.original_flops, m.top1"
                + " FROM job j JOIN job_metric m ON m.job_id = j.job_id WHERE j.spec_hash = ? AND m.distribution = ?"
                + " ORDER BY j.network, j.mode, j.method, j.keep_ratio, j.repetition")) {
      p.setString(1, specHash);
      p.setString(2, distribution);
      try (ResultSet rs = p.executeQuery()) {
        Group group = null;
        while (rs.next()) {
          String network = rs.getString(1);
          String mode = rs.getString(2);
          String method = rs.getString(3);
          double keepRatio = rs.getDouble(4);
          if (group == null || !group.matches(network, mode, method, keepRatio)) {
            if (group != null) {
              rows.add(group.row());
            }
            group = new Group(network, mode, method, keepRatio);
          }
          group.add(
              (double) rs.getLong(5) / rs.getLong(6),
              (double) rs.getLong(7) / rs.getLong(8),
              rs.getDouble(9));
        }
        if (group != null) {
          rows.add(group.row());
        }
      }
      return rows;
    } catch (SQLException e) {
      throw failure("aggregate the accuracy on " + distribution + " of " + specHash + " in", e);
    }
  }

  /** The repetitions of one method at one keep ratio, reduced to a {@link MethodAccuracy}. */
  private static final class Group {
    private final String network;
    private final String mode;
    private final String method;
    private final double keepRatio;
    private final List<Double> top1 = new ArrayList<>();
    private double paramRatioSum;
    private double flopRatioSum;

    Group(String network, String mode, String method, double keepRatio) {
      this.network = network;
      this.mode = mode;
      this.method = method;
      this.keepRatio = keepRatio;
    }

    boolean matches(String network, String mode, String method, double keepRatio) {
      return this.network.equals(network)
          && this.mode.equals(mode)
          && this.method.equals(method)
          && this.keepRatio == keepRatio;
    }

    void add(double paramRatio, double flopRatio, double accuracy) {
      paramRatioSum += paramRatio;
      flopRatioSum += flopRatio;
      top1.add(accuracy);
    }

    MethodAccuracy row() {
      int n = top1.size();
      double mean = top1.stream().mapToDouble(Double::doubleValue).sum() / n;
      double squares = top1.stream().mapToDouble(x -> (x - mean) * (x - mean)).sum();
      double std = n > 1 ? Math.sqrt(squares / (n - 1)) : 0;
      return new MethodAccuracy(
          network, mode, method, keepRatio, paramRatioSum / n, flopRatioSum / n, mean, std, n);
    }
  }

  private interface SqlWork<T> {
    T run() throws SQLException;
  }

  /** Runs work in one transaction: committed if it returns, rolled back if it throws. */
  private <T> T inTransaction(SqlWork<T> work) throws SQLException {
    connection.setAutoCommit(false);
    try {
      T value = work.run();
      connection.commit();
      return value;
    } catch (SQLException | RuntimeException e) {
      try {
        connection.rollback();
      } catch (SQLException r) {
        e.addSuppressed(r);
      }
      throw e;
    } finally {
      connection.setAutoCommit(true);
    }
  }

  private ResultsStoreException failure(String action, Exception e) {
    return new ResultsStoreException(
        "Cannot "
            + action
            + " results store "
            + location
            + ": "
            + e.getMessage()
            + "; if another process holds the database, wait for it or close it; if the file is damaged, restore it"
            + " from a backup",
        e);
  }

  @Override
  public synchronized void close() {
    try {
      connection.close();
    } catch (SQLException e) {
      throw failure("close", e);
    }
  }
}

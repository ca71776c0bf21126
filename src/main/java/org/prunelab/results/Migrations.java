package org.prunelab.results;

import java.util.List;

/**
 * The ordered migrations of the results schema (docs/adr/0009-results-schema.md). Portable SQL
 * only: types that SQLite and PostgreSQL both understand (VARCHAR, TEXT, BIGINT, INTEGER, DOUBLE
 * PRECISION), job ids made by the writer instead of auto-increment, timestamps as epoch
 * milliseconds and durations as nanoseconds. Never edit a released migration; append a new one.
 */
final class Migrations {
  static final List<Migration> ALL =
      List.of(
          new Migration(
              1,
              "experiments, jobs, metrics per distribution, allocation per unit, versions",
              List.of(
                  """
          CREATE TABLE experiment (
            spec_hash VARCHAR(128) NOT NULL PRIMARY KEY,
            name VARCHAR(200) NOT NULL,
            spec_text TEXT NOT NULL,
            created_at BIGINT NOT NULL)""",
                  """
          CREATE TABLE job (
            job_id VARCHAR(36) NOT NULL PRIMARY KEY,
            spec_hash VARCHAR(128) NOT NULL REFERENCES experiment (spec_hash),
            network VARCHAR(200) NOT NULL,
            method VARCHAR(200) NOT NULL,
            keep_ratio DOUBLE PRECISION NOT NULL CHECK (keep_ratio > 0 AND keep_ratio <= 1),
            repetition INTEGER NOT NULL CHECK (repetition >= 0),
            mode VARCHAR(200) NOT NULL,
            realised_params BIGINT NOT NULL CHECK (realised_params >= 0),
            realised_flops BIGINT NOT NULL CHECK (realised_flops >= 0),
            original_params BIGINT NOT NULL CHECK (original_params > 0),
            original_flops BIGINT NOT NULL CHECK (original_flops > 0),
            prune_nanos BIGINT NOT NULL CHECK (prune_nanos >= 0),
            retrain_nanos BIGINT NOT NULL CHECK (retrain_nanos >= 0),
            finished_at BIGINT NOT NULL,
            UNIQUE (spec_hash, network, method, keep_ratio, repetition, mode))""",
                  """
          CREATE TABLE job_metric (
            job_id VARCHAR(36) NOT NULL REFERENCES job (job_id),
            ordinal INTEGER NOT NULL,
            distribution VARCHAR(200) NOT NULL,
            top1 DOUBLE PRECISION NOT NULL CHECK (top1 >= 0 AND top1 <= 1),
            top5 DOUBLE PRECISION NOT NULL CHECK (top5 >= 0 AND top5 <= 1),
            loss DOUBLE PRECISION NOT NULL CHECK (loss >= 0),
            PRIMARY KEY (job_id, distribution))""",
                  """
          CREATE TABLE job_allocation (
            job_id VARCHAR(36) NOT NULL REFERENCES job (job_id),
            ordinal INTEGER NOT NULL,
            unit VARCHAR(200) NOT NULL,
            kept INTEGER NOT NULL CHECK (kept >= 0),
            PRIMARY KEY (job_id, unit))""",
                  """
          CREATE TABLE job_version (
            job_id VARCHAR(36) NOT NULL REFERENCES job (job_id),
            component VARCHAR(200) NOT NULL,
            version VARCHAR(200) NOT NULL,
            PRIMARY KEY (job_id, component))""",
                  "CREATE INDEX job_metric_distribution ON job_metric (distribution)")),
          new Migration(
              2,
              "functional similarity of each job's network to the unpruned one, per noise level",
              List.of(
                  """
          CREATE TABLE job_similarity (
            job_id VARCHAR(36) NOT NULL REFERENCES job (job_id),
            eps DOUBLE PRECISION NOT NULL CHECK (eps >= 0 AND eps <= 1),
            agreement DOUBLE PRECISION NOT NULL CHECK (agreement >= 0 AND agreement <= 1),
            logit_distance DOUBLE PRECISION NOT NULL CHECK (logit_distance >= 0),
            softmax_distance DOUBLE PRECISION NOT NULL CHECK (softmax_distance >= 0),
            PRIMARY KEY (job_id, eps))""")),
          new Migration(
              3,
              "informative features: each job's sufficient input subsets against the unpruned"
                  + " network's",
              List.of(
                  """
          CREATE TABLE job_features (
            job_id VARCHAR(36) NOT NULL PRIMARY KEY REFERENCES job (job_id),
            images INTEGER NOT NULL CHECK (images >= 1),
            found INTEGER NOT NULL CHECK (found >= 0 AND found <= images),
            threshold DOUBLE PRECISION NOT NULL CHECK (threshold > 0 AND threshold < 1),
            patch INTEGER NOT NULL CHECK (patch >= 1),
            sis_fraction DOUBLE PRECISION CHECK (sis_fraction >= 0 AND sis_fraction <= 1),
            overlap DOUBLE PRECISION CHECK (overlap >= 0 AND overlap <= 1),
            reference_on_candidate DOUBLE PRECISION
              CHECK (reference_on_candidate >= 0 AND reference_on_candidate <= 1),
            candidate_on_reference DOUBLE PRECISION NOT NULL
              CHECK (candidate_on_reference >= 0 AND candidate_on_reference <= 1))""")));

  /** The schema version this build writes: the last migration's. */
  static final int LATEST = ALL.get(ALL.size() - 1).version();

  private Migrations() {}
}

/**
 * The results store: every finished prune/retrain job of an experiment, written in one JDBC
 * transaction each, and the queries the charts draw from.
 *
 * <p>{@link org.prunelab.results.ResultsStore} keeps an embedded SQLite file by default and speaks
 * portable SQL otherwise (PostgreSQL for many workers later). Its schema is versioned by ordered
 * {@link org.prunelab.results.Migration}s (docs/adr/0009-results-schema.md). The package holds
 * plain records only: no tensors, no JavaFX, no chart library.
 */
package org.prunelab.results;

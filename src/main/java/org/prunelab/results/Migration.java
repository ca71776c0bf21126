package org.prunelab.results;

import java.util.List;

/**
 * One step of the results schema: the statements that take a database from schema {@code version -
 * 1} to {@code version}. The store applies each pending migration in its own transaction, with the
 * row that records it in {@code schema_version}, so a database is always at a whole version.
 */
public record Migration(int version, String description, List<String> statements) {
  public Migration {
    if (version < 1) {
      throw new IllegalArgumentException("migration version must be >= 1, got " + version);
    }
    JobKey.requireText("description", description, 200);
    statements = List.copyOf(statements);
    if (statements.isEmpty()) {
      throw new IllegalArgumentException("migration " + version + " has no statements");
    }
  }
}

package org.prunelab.results;

import java.time.Instant;
import java.util.Objects;

/**
 * One experiment: the hash that identifies its spec, a display name, the spec text it was run from
 * and when it was first recorded. Jobs refer to it by {@code specHash}.
 */
public record ExperimentRecord(String specHash, String name, String specText, Instant createdAt) {
  public ExperimentRecord {
    JobKey.requireText("specHash", specHash, 128);
    JobKey.requireText("name", name, 200);
    Objects.requireNonNull(specText, "specText");
    Objects.requireNonNull(createdAt, "createdAt");
  }
}

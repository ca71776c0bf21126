/**
 * Metrics of a finished sweep, computed from the results store's plain records (no tensors): prune
 * potential at a tolerance, excess error under distribution shift per job, and the least-squares
 * slope of excess error against prune ratio with a seeded percentile-bootstrap interval
 * (docs/algorithms.md, "Measurements and sweep metrics"; docs/adr/0011-sweep-metrics.md).
 */
package org.prunelab.experiment.metrics;

package org.prunelab.service;

import org.prunelab.lowrank.Spectra;
import org.prunelab.prune.sensitivity.SensitivityReport;

/**
 * What {@link Compression#analyse} learned about a network, kept to compress it to several budgets:
 * the scores of a pruning method, or the spectra of a low-rank method. Plain values (no native
 * memory).
 */
public sealed interface Analysis {
  /** A pruning method's scores of every layer. */
  record Scores(SensitivityReport report) implements Analysis {}

  /** The errors eps(K, j) and factors of every factorable layer. */
  record LayerSpectra(Spectra spectra) implements Analysis {}
}

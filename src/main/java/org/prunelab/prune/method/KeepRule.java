package org.prunelab.prune.method;

/**
 * How a structured method picks the c' channels a unit keeps, given importance shares q_j (PFP,
 * Liebenwein et al. 2020, Section 3):
 *
 * <ul>
 *   <li>{@code TOP}: the c' largest q_j, weights unchanged (deterministic; the default).
 *   <li>{@code RANDOM}: draw channels i.i.d. from Multinomial(q) until c' distinct ones came up (m'
 *       draws); a kept channel j is rescaled by count_j / (m' q_j), which makes the pruned layer an
 *       unbiased estimate of the original pre-activation.
 *   <li>{@code TOP_RANDOM}: keep every channel with q_j >= 1 / c' outright (capped at c' - 1), then
 *       draw the rest from the remaining channels with their renormalised q and the same
 *       reweighting.
 * </ul>
 */
public enum KeepRule {
  TOP,
  RANDOM,
  TOP_RANDOM
}

package org.prunelab.prune.method;

/**
 * How a structured method picks the c' channels a unit keeps, given importance shares q_j (PFP,
 * Liebenwein et al. 2020, Section 3):
 *
 * <ul>
 *   <li>{@code TOP}: the c' largest q_j, weights unchanged (deterministic; the default).
 *   <li>{@code RANDOM}: draw a fixed m' channels i.i.d. from Multinomial(q), m' the smallest sample
 *       size whose expected number of distinct channels reaches c' (torchprune's
 *       adapt_sample_size), and keep every channel that came up, rescaled by count_j / (m' q_j):
 *       the pruned layer is an unbiased estimate of the original pre-activation.
 *   <li>{@code TOP_RANDOM}: keep every channel with q_j >= 1 / m' outright (at most c'), then
 *       sample the rest from the remaining channels with their renormalised q, the same rule and
 *       reweighting.
 * </ul>
 */
public enum KeepRule {
  TOP,
  RANDOM,
  TOP_RANDOM
}

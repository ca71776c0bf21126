package org.prunelab.flows;

import ai.djl.ndarray.NDArray;

/**
 * The state y(t1) an {@link OdeSolver} reached, with its cost: {@code evaluations} is the number of
 * function evaluations (NFE, every call of the vector field, rejected steps and the initial step
 * choice included), {@code acceptedSteps} and {@code rejectedSteps} the adaptive solver's step
 * counts (a fixed-step solver rejects none). The state lives in the scope of the initial state.
 */
public record OdeSolution(NDArray state, int evaluations, int acceptedSteps, int rejectedSteps) {}

/**
 * Continuous-depth models for the Sparse Flows experiments (Liebenwein, Hasani et al., NeurIPS
 * 2021). ODE solvers over DJL arrays with gradients through the solver, discretise-then-optimise
 * (docs/adr/0019-flows-discretise-then-optimise.md): {@link org.prunelab.flows.FixedStepSolver}
 * (euler, midpoint, rk4) and the adaptive {@link org.prunelab.flows.DormandPrince} (dopri5), chosen
 * by a {@link org.prunelab.flows.SolverSpec}, each solve reporting its function evaluations ({@link
 * org.prunelab.flows.OdeSolution}). An MLP vector field f(z, t) whose layers are plain parameter
 * arrays W_l [out, in], b_l ({@link org.prunelab.flows.MlpField}, so weight masks and neuron
 * removal can prune it), with forward Jacobian-vector products for the trace. A neural ODE
 * classifier ({@link org.prunelab.flows.OdeClassifier}), a continuous normalizing flow ({@link
 * org.prunelab.flows.ContinuousFlow}, exact or Hutchinson trace, {@link
 * org.prunelab.flows.TraceEstimator}), their AdamW training ({@link org.prunelab.flows.ToyTrainer})
 * and the seeded 2-D toy datasets ({@link org.prunelab.flows.ToyDataset}). Pruning of the field
 * ({@link org.prunelab.flows.FieldPruning}: WT masks, FT neuron removal) alone or in a cascade with
 * retraining ({@link org.prunelab.flows.PruneCascade}).
 *
 * <p>Layer 3, beside {@code train}: may use {@code nn}, {@code data}, {@code train}, {@code job},
 * {@code error} and DJL. Every computation lands in the scope of its input arrays; training opens a
 * scope per iteration.
 */
package org.prunelab.flows;

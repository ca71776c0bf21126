package org.prunelab.flows;

import ai.djl.ndarray.NDManager;
import org.prunelab.job.JobContext;

/** What a pruning cascade needs of a CNF or a classifier: its field, retraining and measures. */
interface CascadeModel {
  MlpField field();

  /** The same model over {@code pruned}, owning it (and any copied read-out). */
  CascadeModel withField(MlpField pruned, NDManager parent);

  TrainingHistory retrain(
      ToyDataset data, ToyRecipe recipe, Runnable afterStep, NDManager parent, JobContext ctx);

  /** "nll" or "accuracy". */
  String metric();

  double measure(ToyData test, NDManager parent);

  int evaluations(ToyData test, NDManager parent);

  /** Frees what this model owns (only models made by {@link #withField}). */
  void close();
}

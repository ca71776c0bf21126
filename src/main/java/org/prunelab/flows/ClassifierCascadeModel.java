package org.prunelab.flows;

import ai.djl.ndarray.NDManager;
import org.prunelab.job.JobContext;

/** A neural ODE classifier in a cascade, measured by its test accuracy. */
final class ClassifierCascadeModel implements CascadeModel {
  private final OdeClassifier classifier;
  private final boolean owned;

  ClassifierCascadeModel(OdeClassifier classifier, boolean owned) {
    this.classifier = classifier;
    this.owned = owned;
  }

  @Override
  public MlpField field() {
    return classifier.field();
  }

  @Override
  public CascadeModel withField(MlpField pruned, NDManager parent) {
    return new ClassifierCascadeModel(classifier.withField(pruned, parent), true);
  }

  @Override
  public TrainingHistory retrain(
      ToyDataset data, ToyRecipe recipe, Runnable afterStep, NDManager parent, JobContext ctx) {
    return ToyTrainer.trainClassifier(classifier, data, recipe, parent, ctx, afterStep);
  }

  @Override
  public String metric() {
    return "accuracy";
  }

  @Override
  public double measure(ToyData test, NDManager parent) {
    return classifier.accuracy(test, parent);
  }

  @Override
  public int evaluations(ToyData test, NDManager parent) {
    return classifier.evaluations(test, parent);
  }

  @Override
  public void close() {
    if (owned) {
      classifier.close();
      classifier.field().close();
    }
  }
}

/**
 * The one service layer (docs/adr/0014-one-service-layer.md) that the CLI, the sweep runner, the
 * workbench and the coming workers call to score, compress, retrain, evaluate and export. {@link
 * org.prunelab.service.CompressionMethod} is the registry of every method (name, family, paper,
 * formula, allowed allocators) and builds a {@link org.prunelab.service.Compression}, the one
 * interface of channel pruning, weight masking and low-rank factoring (analyse once, compress per
 * budget; results {@link org.prunelab.service.PrunedNetwork} or {@link
 * org.prunelab.service.FactoredNetwork}). {@link org.prunelab.service.RetrainRecipe} is the one
 * retraining recipe and {@link org.prunelab.service.Retrainer} applies it; {@link
 * org.prunelab.service.Evaluation} measures on every {@link org.prunelab.service.TestDistribution};
 * {@link org.prunelab.service.ScoreCache} keeps {@link org.prunelab.service.ScoredModel}s so views
 * never score twice; {@link org.prunelab.service.LoadedModel} and {@link
 * org.prunelab.service.ModelLoader} open a model with its data; {@link
 * org.prunelab.service.ManualPruning} prunes to hand-chosen channels; {@link
 * org.prunelab.service.ModelFiles} writes .onnx or .plm.
 *
 * <p>May use the packages below it ({@code error}, {@code job}, {@code data..}, {@code nn..},
 * {@code zoo}, {@code prune..}, {@code lowrank}, {@code train}); {@code experiment}, {@code cli}
 * and {@code ui} use it.
 */
package org.prunelab.service;

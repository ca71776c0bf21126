/**
 * Low-rank compression (docs/adr/0005-low-rank.md): ALDS (Liebenwein, Maalouf et al., NeurIPS 2021)
 * and the SVD family replace a layer's weight by factors. A {@link
 * org.prunelab.lowrank.LowRankMethod} ({@code alds}, {@code svd}, {@code svd-energy}, {@code pca},
 * {@code lrank}) pairs {@link org.prunelab.lowrank.Spectra} (the layer errors of every group count
 * K and rank j: {@link org.prunelab.lowrank.WeightSpectra} from the weights, {@link
 * org.prunelab.lowrank.OutputSpectra} from the outputs on the sample set) with a {@link
 * org.prunelab.lowrank.LowRankAllocator} that meets a parameter or FLOP budget; {@link
 * org.prunelab.lowrank.LowRankCompressor} does both and {@link org.prunelab.lowrank.Factorization}
 * rewrites the graph, every factored layer becoming an ordinary grouped convolution plus a 1x1
 * convolution (two Linear layers), so the result trains, counts and exports to ONNX like any
 * network. The SVD is plain Java in double precision ({@code MatrixSvd}, {@code SymmetricEigen}).
 *
 * <p>May use {@code nn}, {@code nn.layer}, {@code prune.allocate} (the budget types), {@code job}
 * (progress and cancellation) and {@code error}, and DJL to read and write parameters.
 */
package org.prunelab.lowrank;

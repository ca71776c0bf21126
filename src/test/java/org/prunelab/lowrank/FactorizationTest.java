package org.prunelab.lowrank;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.prunelab.nn.LayerInfo;
import org.prunelab.nn.Network;
import org.prunelab.nn.layer.Conv2d;
import org.prunelab.nn.layer.Linear;
import org.prunelab.nn.layer.Mode;

/**
 * Factored layers as ordinary nodes: exact at full rank, errors as predicted, counted and wired
 * correctly.
 */
class FactorizationTest {

  @Test
  void fullRankFactorisationEqualsTheOriginalNetwork() {
    try (Network net = LowRankTests.smallConvNet(3);
        NDManager m = NDManager.newBaseManager()) {
      WeightSpectra spectra = WeightSpectra.of(net);
      NDArray x = LowRankTests.normal(m, 5, 3, 4, 8, 8);
      float[] expected = net.forward(x, Mode.EVAL).toFloatArray();
      // conv: c = 4, K = 1 (rank 6) and K = 2 (rank 6 = min(6, 18)); conv2: c = 6, K = 3; fc: K =
      // 1, rank 5
      for (Map<String, int[]> choice :
          List.of(
              Map.of("conv", new int[] {1, 6}, "conv2", new int[] {1, 6}, "fc", new int[] {1, 5}),
              Map.of("conv", new int[] {2, 6}, "conv2", new int[] {3, 6}),
              Map.of("conv2", new int[] {6, 6}, "fc", new int[] {1, 5}))) {
        try (Network factored =
            Factorization.apply(net, LowRankTests.plan(spectra, choice), spectra)) {
          float[] actual = factored.forward(x, Mode.EVAL).toFloatArray();
          double rel = LowRankTests.relativeDifference(expected, actual);
          assertTrue(rel <= 1e-5, "full rank " + choice.keySet() + ": relative difference " + rel);
        }
      }
    }
  }

  @Test
  void predictedErrorEqualsMeasuredOperatorNormForOneGroup() {
    try (Network net = LowRankTests.smallConvNet(4)) {
      WeightSpectra spectra = WeightSpectra.of(net);
      for (String node : List.of("conv2", "fc")) {
        int l = spectra.indexOf(node);
        FactorableLayer fl = spectra.layers().get(l);
        double[][] w =
            Matrices.of(
                net.parametersOf(node).get("weight").toFloatArray(),
                fl.outChannels(),
                fl.columns());
        double norm = Matrices.operatorNorm(w);
        for (int j = 1; j < fl.maxRank(1); j++) {
          try (Network factored =
              Factorization.apply(
                  net, LowRankTests.plan(spectra, Map.of(node, new int[] {1, j})), spectra)) {
            double[][] wHat = product(factored, node, fl, 1, j);
            double measured = Matrices.operatorNorm(Matrices.minus(w, wHat)) / norm;
            double predicted = spectra.errors(l, 1)[j - 1];
            assertEquals(measured, predicted, 1e-4 * measured, node + " rank " + j);
          }
        }
      }
    }
  }

  @Test
  void predictedErrorIsTheLargestGroupResidualForSeveralGroups() {
    try (Network net = LowRankTests.smallConvNet(5)) {
      WeightSpectra spectra = WeightSpectra.of(net);
      int l = spectra.indexOf("conv2");
      FactorableLayer fl = spectra.layers().get(l);
      double[][] w = Matrices.of(net.parametersOf("conv2").get("weight").toFloatArray(), 6, 54);
      double norm = Matrices.operatorNorm(w);
      for (int k : List.of(2, 3)) {
        int width = 54 / k;
        for (int j = 1; j < fl.maxRank(k); j++) {
          try (Network factored =
              Factorization.apply(
                  net, LowRankTests.plan(spectra, Map.of("conv2", new int[] {k, j})), spectra)) {
            double[][] residual = Matrices.minus(w, product(factored, "conv2", fl, k, j));
            double worstGroup = 0;
            for (int g = 0; g < k; g++) {
              worstGroup =
                  Math.max(
                      worstGroup,
                      Matrices.operatorNorm(Matrices.columns(residual, g * width, (g + 1) * width))
                          / norm);
            }
            double predicted = spectra.errors(l, k)[j - 1];
            assertEquals(worstGroup, predicted, 1e-4 * worstGroup, "K " + k + " rank " + j);
            double whole = Matrices.operatorNorm(residual) / norm;
            assertTrue(
                whole >= predicted * (1 - 1e-4) && whole <= Math.sqrt(k) * predicted * (1 + 1e-4),
                "||W - W_hat|| / ||W|| = "
                    + whole
                    + " must lie in [eps, sqrt(K) eps], eps = "
                    + predicted);
          }
        }
      }
    }
  }

  @Test
  void factoredLayersAreStandardNodesCountedByHand() {
    try (Network net = LowRankTests.smallConvNet(6)) {
      WeightSpectra spectra = WeightSpectra.of(net);
      float[] before = net.parametersOf("conv").get("weight").toFloatArray();
      try (Network f =
          Factorization.apply(
              net,
              LowRankTests.plan(spectra, Map.of("conv", new int[] {2, 2}, "fc", new int[] {1, 3})),
              spectra)) {
        // conv 4 -> 6, 3x3, stride 2 on 8x8: output 4x4 = 16 positions. K = 2, j = 2:
        // encoder Conv2d(4 -> 4, groups 2): 4 * 2 * 9 = 72 weights, 16 * 4 * (4 / 2) * 9 = 1152
        // MACs
        // decoder Conv2d(4 -> 6, 1x1): 24 weights + 6 bias, 16 * 6 * 4 = 384 MACs
        assertEquals(
            new Conv2d(4, 4, 3, 3, 2, 2, 1, 1, 1, 1, 2, false), f.node("conv.encoder").layer());
        assertEquals(
            new Conv2d(4, 6, 1, 1, 1, 1, 0, 0, 1, 1, 1, true), f.node("conv.decoder").layer());
        LayerInfo enc = row(f, "conv.encoder");
        LayerInfo dec = row(f, "conv.decoder");
        assertEquals(72, enc.params());
        assertEquals(1152, enc.macs());
        assertEquals(30, dec.params());
        assertEquals(384, dec.macs());
        // fc 96 -> 5 at rank 3: Linear(96 -> 3) 288 weights and MACs, Linear(3 -> 5) 15 + 5 bias,
        // 15 MACs
        assertEquals(new Linear(96, 3, false), f.node("fc.encoder").layer());
        assertEquals(new Linear(3, 5, true), f.node("fc.decoder").layer());
        assertEquals(288, row(f, "fc.encoder").macs());
        assertEquals(20, row(f, "fc.decoder").params());
        // the rest: conv 216 + 6 -> 72 + 30; fc 480 + 5 -> 288 + 20
        assertEquals(net.parameterCount() - 216 - 6 + 102 - 485 + 308, f.parameterCount());
        assertEquals(net.macs() - 16 * 216 + 1152 + 384 - 480 + 288 + 15, f.macs());
        // readers re-pointed, the output is the fc decoder, the input network untouched
        assertEquals(List.of("conv.decoder"), f.node("relu").inputs());
        assertEquals("fc.decoder", f.outputName());
        assertArrayEquals(before, net.parametersOf("conv").get("weight").toFloatArray());
        assertTrue(f.metadata().get(Factorization.METADATA_KEY).startsWith("alds"));
      }
    }
  }

  /**
   * W_hat = decoder x encoder of the factored node, as the f x c k1 k2 matrix with groups side by
   * side.
   */
  private static double[][] product(
      Network factored, String node, FactorableLayer fl, int k, int j) {
    int n = fl.columns() / k;
    double[][] enc =
        Matrices.of(
            factored.parametersOf(node + ".encoder").get("weight").toFloatArray(), k * j, n);
    double[][] dec =
        Matrices.of(
            factored.parametersOf(node + ".decoder").get("weight").toFloatArray(),
            fl.outChannels(),
            k * j);
    double[][] out = new double[fl.outChannels()][fl.columns()];
    for (int g = 0; g < k; g++) {
      double[][] part =
          Matrices.multiply(
              Matrices.columns(dec, g * j, (g + 1) * j),
              java.util.Arrays.copyOfRange(enc, g * j, (g + 1) * j));
      for (int o = 0; o < fl.outChannels(); o++) {
        System.arraycopy(part[o], 0, out[o], g * n, n);
      }
    }
    return out;
  }

  private static LayerInfo row(Network net, String node) {
    return net.summary().layers().stream()
        .filter(r -> r.name().equals(node))
        .findFirst()
        .orElseThrow();
  }
}

package org.prunelab.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.prunelab.data.Datasets;
import org.prunelab.error.PruneLabException;
import org.prunelab.job.JobContext;
import org.prunelab.lowrank.LowRankException;
import org.prunelab.prune.allocate.AllocatorKind;
import org.prunelab.prune.allocate.Budget;

/**
 * The registry: every method is found by its name, and compresses the bundled LeNet-5 to half its
 * parameters through the one {@link Compression} interface, with the result its family promises.
 */
class CompressionMethodTest {
  private static LoadedModel lenet;

  @BeforeAll
  static void open() {
    lenet =
        ModelLoader.load(
            "assets/models/lenet5-fashion-mnist.plm", Datasets.SYNTHETIC, JobContext.silent());
  }

  @AfterAll
  static void close() {
    lenet.network().close();
  }

  @ParameterizedTest
  @EnumSource(CompressionMethod.class)
  void everyMethodCompressesThroughTheOneInterface(CompressionMethod method) {
    assertSame(
        method, CompressionMethod.parse(method.cliName().toUpperCase(java.util.Locale.ROOT)));
    assertFalse(method.paper().isBlank() || method.formula().isBlank(), method.cliName());
    Compression compression = method.compression(3);
    assertSame(method, compression.method());
    Analysis analysis =
        compression.analyse(
            lenet.network(),
            lenet.data().sampleSet(),
            lenet.normalization(),
            new SampleChoice(32, 3),
            JobContext.silent());
    try (Compressed c =
        compression.compress(lenet.network(), analysis, Budget.parameters(0.5), Optional.empty())) {
      double ratio = (double) c.realised().parameters() / c.original().parameters();
      assertTrue(ratio <= 0.5 + 0.005 && ratio > 0.3, method + " kept " + ratio);
      assertFalse(c.keptUnits().isEmpty());
      switch (method.family()) {
        case STRUCTURED -> {
          assertInstanceOf(PrunedNetwork.class, c);
          assertTrue(c.masks().isEmpty() && !c.keptChannels().isEmpty());
          assertEquals(c.network().parameterCount(), c.realised().parameters(), "smaller network");
        }
        case UNSTRUCTURED -> {
          assertInstanceOf(PrunedNetwork.class, c);
          assertTrue(c.masks().isPresent() && c.keptChannels().isEmpty());
          assertEquals(
              c.original().parameters(), c.network().parameterCount(), "masked, same shape");
        }
        case LOW_RANK -> {
          assertInstanceOf(FactoredNetwork.class, c);
          assertTrue(c.masks().isEmpty() && c.keptChannels().isEmpty());
          assertEquals(c.network().parameterCount(), c.realised().parameters(), "factored network");
        }
      }
    }
  }

  @Test
  void pruningMethodsTakeEveryAllocatorAndLowRankMethodsNone() {
    for (CompressionMethod m : CompressionMethod.values()) {
      assertEquals(m.prunes(), m.family() != MethodFamily.LOW_RANK);
      assertEquals(
          m.prunes() ? EnumSet.allOf(AllocatorKind.class) : EnumSet.noneOf(AllocatorKind.class),
          m.allowedAllocators());
      assertEquals(m.prunes(), m.defaultAllocator().isPresent());
    }
    assertEquals(Optional.of(AllocatorKind.OPTIMAL), CompressionMethod.PFP.defaultAllocator());
    assertEquals(Optional.of(AllocatorKind.GLOBAL_RAW), CompressionMethod.WT.defaultAllocator());
    Compression alds = CompressionMethod.ALDS.compression(0);
    Analysis spectra = alds.analyse(lenet.network(), null, JobContext.silent());
    assertThrows(
        LowRankException.class,
        () ->
            alds.compress(
                lenet.network(),
                spectra,
                Budget.parameters(0.5),
                Optional.of(AllocatorKind.UNIFORM.create())));
  }

  @Test
  void anUnknownNameIsRefusedNamingEveryMethod() {
    PruneLabException e =
        assertThrows(PruneLabException.class, () -> CompressionMethod.parse("obd"));
    for (String name : CompressionMethod.names()) {
      assertTrue(e.getMessage().contains(name), e.getMessage());
    }
  }

  @Test
  void theScoreCacheScoresAModelOnceAndForgetsItsNetwork() {
    ScoreCache cache = new ScoreCache();
    ScoredModel first = cache.score(lenet, CompressionMethod.FT, 16, 0, JobContext.silent());
    assertSame(first, cache.score(lenet, CompressionMethod.FT, 16, 0, JobContext.silent()));
    ScoredModel other = cache.score(lenet, CompressionMethod.FT, 8, 0, JobContext.silent());
    assertFalse(first == other, "another sample set is another entry");
    cache.forget(lenet.network());
    assertFalse(first == cache.score(lenet, CompressionMethod.FT, 16, 0, JobContext.silent()));
  }
}

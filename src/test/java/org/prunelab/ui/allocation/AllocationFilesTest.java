package org.prunelab.ui.allocation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.prunelab.prune.allocate.AllocatorKind;
import org.prunelab.prune.allocate.BudgetKind;
import org.prunelab.service.CompressionMethod;
import org.prunelab.ui.ProjectFileException;

/** The allocation's project section: a round trip, and refusals that name the bad field. */
class AllocationFilesTest {
  private static final List<String> IDS = List.of("conv1", "conv2", "fc1");

  @Test
  void sectionRoundTrips() {
    AllocationState state =
        new AllocationState(
            new double[] {0.5, 0.25, 1}, BudgetKind.FLOPS, 0.4, AllocatorKind.GLOBAL);
    JsonNode saved = AllocationFiles.save(CompressionMethod.PFP, state, IDS);
    AllocationFiles.Restored back =
        AllocationFiles.restore(
            saved,
            IDS,
            List.of(CompressionMethod.PFP, CompressionMethod.FT),
            AllocationEditor.ALLOCATORS);
    assertEquals(CompressionMethod.PFP, back.method());
    assertArrayEquals(state.ratios(), back.state().ratios(), 0);
    assertEquals(BudgetKind.FLOPS, back.state().kind());
    assertEquals(0.4, back.state().budget(), 0);
    assertEquals(AllocatorKind.GLOBAL, back.state().allocator());
  }

  @Test
  void unknownGroupAndBadRatioAreNamed() {
    AllocationState state =
        new AllocationState(
            new double[] {0.5, 0.25, 1}, BudgetKind.PARAMETERS, 1, AllocatorKind.UNIFORM);
    ObjectNode saved = (ObjectNode) AllocationFiles.save(CompressionMethod.PFP, state, IDS);
    ((ObjectNode) saved.get("ratios")).put("layer9", 0.5);
    ProjectFileException e =
        assertThrows(
            ProjectFileException.class,
            () ->
                AllocationFiles.restore(
                    saved, IDS, List.of(CompressionMethod.PFP), AllocationEditor.ALLOCATORS));
    assertTrue(
        e.getMessage().contains("layer9") && e.getMessage().contains("conv1"), e.getMessage());
    ((ObjectNode) saved.get("ratios")).remove("layer9");
    ((ObjectNode) saved.get("ratios")).put("conv2", 1.5);
    e =
        assertThrows(
            ProjectFileException.class,
            () ->
                AllocationFiles.restore(
                    saved, IDS, List.of(CompressionMethod.PFP), AllocationEditor.ALLOCATORS));
    assertTrue(e.getMessage().contains("allocation.ratios.conv2"), e.getMessage());
  }
}

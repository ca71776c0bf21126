package org.prunelab.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class CoverageSummaryTest {

  private static final String HEADER =
      "GROUP,PACKAGE,CLASS,INSTRUCTION_MISSED,INSTRUCTION_COVERED,BRANCH_MISSED,BRANCH_COVERED,"
          + "LINE_MISSED,LINE_COVERED,COMPLEXITY_MISSED,COMPLEXITY_COVERED,METHOD_MISSED,"
          + "METHOD_COVERED";

  @Test
  void sumsLinesAndBranchesOverAllClasses() {
    String summary =
        CoverageSummary.summarize(
            List.of(
                HEADER,
                "prunelab,org.prunelab.a,A,10,90,1,3,2,18,0,5,0,4",
                "prunelab,org.prunelab.b,B.Inner,0,40,0,0,0,7,0,2,0,2",
                ""));
    assertEquals(
        "JaCoCo coverage: lines 92.6 % (25 of 27), branches 75.0 % (3 of 4), 2 classes", summary);
  }

  @Test
  void saysWhenThereIsNothingToCount() {
    assertEquals(
        "JaCoCo coverage: lines n/a (0 of 0), branches n/a (0 of 0), 0 classes",
        CoverageSummary.summarize(List.of(HEADER)));
  }

  @Test
  void namesTheMissingColumn() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> CoverageSummary.summarize(List.of("GROUP,PACKAGE,CLASS,LINE_MISSED")));
    assertTrue(e.getMessage().contains("LINE_COVERED"), e.getMessage());
  }
}

package org.prunelab.build;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Prints the line and branch coverage of the whole code base, summed over JaCoCo's CSV report, as
 * one line of the build log ({@code ./mvnw -B verify} runs it after {@code jacoco:report}). Not
 * part of the product: it lives with the tests and runs through exec-maven-plugin.
 */
public final class CoverageSummary {

  private CoverageSummary() {}

  /**
   * Prints the summary of the report at {@code args[0]}, or says that there is none (tests
   * skipped).
   *
   * @param args the path of JaCoCo's {@code jacoco.csv}
   * @throws IOException if the report cannot be read
   * @throws IllegalArgumentException if no path is given or the report lacks JaCoCo's columns
   */
  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      throw new IllegalArgumentException(
          "usage: CoverageSummary <path of jacoco.csv>, got " + Arrays.toString(args));
    }
    Path csv = Path.of(args[0]);
    if (!Files.isRegularFile(csv)) {
      System.out.println("JaCoCo coverage: no report at " + csv + " (were the tests skipped?)");
      return;
    }
    System.out.println(summarize(Files.readAllLines(csv, StandardCharsets.UTF_8)));
  }

  /**
   * Sums the per-class rows of a JaCoCo CSV report.
   *
   * @param lines the report: a header naming JaCoCo's columns, then one row per class
   * @return for example {@code "JaCoCo coverage: lines 81.3 % (813 of 1000), branches 70.0 % (70 of
   *     100), 12 classes"}
   * @throws IllegalArgumentException if the header lacks a column the summary needs
   */
  static String summarize(List<String> lines) {
    if (lines.isEmpty()) {
      throw new IllegalArgumentException("the JaCoCo CSV report is empty; rerun jacoco:report");
    }
    List<String> header = Arrays.asList(lines.get(0).split(",", -1));
    int lineMissed = column(header, "LINE_MISSED");
    int lineCovered = column(header, "LINE_COVERED");
    int branchMissed = column(header, "BRANCH_MISSED");
    int branchCovered = column(header, "BRANCH_COVERED");
    long[] sums = new long[4];
    int classes = 0;
    for (String row : lines.subList(1, lines.size())) {
      if (row.isBlank()) {
        continue;
      }
      String[] cells = row.split(",", -1);
      sums[0] += Long.parseLong(cells[lineMissed]);
      sums[1] += Long.parseLong(cells[lineCovered]);
      sums[2] += Long.parseLong(cells[branchMissed]);
      sums[3] += Long.parseLong(cells[branchCovered]);
      classes++;
    }
    return String.format(
        Locale.ROOT,
        "JaCoCo coverage: lines %s, branches %s, %d classes",
        ratio(sums[1], sums[0] + sums[1]),
        ratio(sums[3], sums[2] + sums[3]),
        classes);
  }

  private static int column(List<String> header, String name) {
    int index = header.indexOf(name);
    if (index < 0) {
      throw new IllegalArgumentException(
          "the JaCoCo CSV report has no column " + name + " (header: " + header + ")");
    }
    return index;
  }

  private static String ratio(long covered, long total) {
    return total == 0
        ? "n/a (0 of 0)"
        : String.format(Locale.ROOT, "%.1f %% (%d of %d)", 100.0 * covered / total, covered, total);
  }
}

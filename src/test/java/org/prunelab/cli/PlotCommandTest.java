package org.prunelab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.prunelab.experiment.metrics.SweepFixture;
import org.prunelab.results.ResultsStore;
import org.w3c.dom.Document;
import picocli.CommandLine;

/**
 * {@code plot} and {@code experiment report} on a store holding the hand-worked SweepFixture: every
 * figure in PNG, SVG and PDF, the report file, and one-line errors. The PNGs are also left in
 * {@code target/figures-store/} to be looked at.
 */
class PlotCommandTest {
  private static final Path LOOK = Path.of("target", "figures-store");
  @TempDir Path dir;

  @Test
  void everyFigureInEveryFormat() throws Exception {
    Path store = dir.resolve("results.db");
    SweepFixture.write(store);
    List<String> figures = new ArrayList<>(PlotCommand.FIGURES);
    figures.remove("corruption-gallery");
    for (String figure : figures) {
      for (String format : List.of("png", "svg", "pdf")) {
        Path out = (format.equals("png") ? LOOK : dir).resolve(figure + "." + format);
        CliTest.Run run =
            CliTest.cli(
                "plot",
                "--store",
                store.toString(),
                "--figure",
                figure,
                "--out",
                out.toString(),
                "--width",
                "720",
                "--height",
                "480");
        assertEquals(0, run.status(), figure + " " + format + ": " + run.err());
        assertTrue(
            run.out()
                .contains(
                    "wrote "
                        + out
                        + " ("
                        + figure
                        + " of experiment fixture-sweep, lenet5, mode"
                        + " retrain)"),
            run.out());
        checkFile(out, format, 720, 480);
      }
    }
  }

  @Test
  void csvWritesTheNumbersBehindTheFigureBesideIt() throws Exception {
    Path store = dir.resolve("results.db");
    SweepFixture.write(store);
    Path out = dir.resolve("pareto.svg");
    CliTest.Run run =
        CliTest.cli(
            "plot",
            "--store",
            store.toString(),
            "--figure",
            "pareto",
            "--out",
            out.toString(),
            "--csv");
    assertEquals(0, run.status(), run.err());
    List<String> lines = Files.readAllLines(dir.resolve("pareto.csv"));
    assertEquals("# x: Kept FLOPs (%); y: Top-1 accuracy (%)", lines.get(0));
    assertEquals("series,x,y,y_low,y_high", lines.get(1));
    assertTrue(lines.stream().anyMatch(l -> l.startsWith("unpruned,100.0,")), lines.toString());
    assertTrue(lines.stream().anyMatch(l -> l.startsWith("Pareto front,")), lines.toString());
  }

  @Test
  void galleryNeedsNoStore() throws Exception {
    for (String format : List.of("png", "svg", "pdf")) {
      Path out = (format.equals("png") ? LOOK : dir).resolve("corruption-gallery-small." + format);
      CliTest.Run run =
          CliTest.cli(
              "plot",
              "--figure",
              "corruption-gallery",
              "--corruptions",
              "fog,gaussian_noise",
              "--severities",
              "1,3,5",
              "--out",
              out.toString());
      assertEquals(0, run.status(), run.err());
      // 2 images of 28 x 28 at scale 3, 4 columns each: 8 + 110 + 2 * (4 * 84 + 3 * 2) + 12 + 8 =
      // 822 wide;
      // 8 + 20 header + 2 family headings * 18 + 2 rows * (84 + 2) + 8 = 244 high
      checkFile(out, format, 822, 244);
    }
  }

  @Test
  void figureOptionsSelectDistributionMethodAndKeep() throws Exception {
    Path store = dir.resolve("results.db");
    SweepFixture.write(store);
    for (String[] args :
        List.of(
            new String[] {"--figure", "excess-error", "--method", "ft", "--distribution", "fog/3"},
            new String[] {
              "--figure",
              "prune-potential",
              "--distribution",
              "gaussian_noise/3",
              "--tolerance",
              "0.02"
            },
            new String[] {"--figure", "allocation", "--method", "ft", "--keep", "0.4"},
            new String[] {"--figure", "informative-features", "--measure", "pruned-on-unpruned"},
            new String[] {
              "--figure", "accuracy-vs-params", "--distribution", "fog/3", "--experiment", "5e1f"
            })) {
      Path out = dir.resolve("fig.png");
      List<String> all =
          new ArrayList<>(List.of("plot", "--store", store.toString(), "--out", out.toString()));
      all.addAll(List.of(args));
      CliTest.Run run = CliTest.cli(all.toArray(String[]::new));
      assertEquals(0, run.status(), String.join(" ", args) + ": " + run.err());
      checkFile(out, "png", 800, 520);
    }
  }

  @Test
  void badRequestsGiveOneLineErrors() throws Exception {
    Path store = dir.resolve("results.db");
    Path out = dir.resolve("fig.png");
    assertError(
        List.of("plot", "--figure", "pie", "--out", out.toString()),
        "unknown figure 'pie'; choose one of"
            + " accuracy-vs-params, accuracy-vs-flops, pareto, prune-potential, excess-error, allocation,"
            + " informative-features, corruption-gallery");
    assertError(
        List.of("plot", "--figure", "pareto", "--out", out.toString()),
        "--figure pareto needs --store FILE");
    assertError(
        List.of("plot", "--store", store.toString(), "--figure", "pareto", "--out", out.toString()),
        "no results store at " + store);
    ResultsStore.open(store).close();
    assertError(
        List.of("plot", "--store", store.toString(), "--figure", "pareto", "--out", out.toString()),
        "the results store holds no experiment yet");
    Files.delete(store);
    SweepFixture.write(store);
    assertError(
        List.of(
            "plot",
            "--store",
            store.toString(),
            "--experiment",
            "nope",
            "--figure",
            "pareto",
            "--out",
            out.toString()),
        "no experiment named 'nope' in the store; pass --experiment with one of: fixture-sweep");
    assertError(
        List.of(
            "plot",
            "--store",
            store.toString(),
            "--figure",
            "excess-error",
            "--method",
            "sipp",
            "--out",
            out.toString()),
        "no pruned jobs of method 'sipp'; the experiment's methods are [ft, pfp]");
    assertError(
        List.of(
            "plot",
            "--store",
            store.toString(),
            "--figure",
            "informative-features",
            "--measure",
            "iou",
            "--out",
            out.toString()),
        "unknown SIS measure 'iou'; choose one of overlap, size, unpruned-on-pruned,"
            + " pruned-on-unpruned");
    assertError(
        List.of(
            "plot",
            "--store",
            store.toString(),
            "--figure",
            "pareto",
            "--out",
            dir.resolve("fig.gif").toString()),
        "cannot tell the figure format");
  }

  @Test
  void reportCommandWritesTheMarkdown() throws Exception {
    Path store = dir.resolve("results.db");
    SweepFixture.write(store);
    Path md = dir.resolve("reports").resolve("report.md");
    StringWriter out = new StringWriter();
    CommandLine report = new CommandLine(new ReportCommand());
    report.setOut(new PrintWriter(out));
    int status =
        report.execute("--store", store.toString(), "--out", md.toString(), "--tolerance", "0.01");
    assertEquals(0, status);
    assertTrue(
        out.toString().contains("wrote " + md + " (report of experiment fixture-sweep)"),
        out.toString());
    String text = Files.readString(md);
    assertTrue(
        text.contains("### delta = 1 %")
            && text.contains("### delta = 2 %")
            && !text.contains("### delta = 0.5 %"),
        text);
    assertTrue(text.contains("| ft | 1 | 40.0 | 89.20 |"), text);
    assertTrue(
        text.contains(
            "**Do pruned networks show higher excess error than the unpruned one at high prune"
                + " ratios?** Partly (the paper's definition"),
        text);
  }

  private static void assertError(List<String> args, String expected) {
    CliTest.Run run = CliTest.cli(args.toArray(String[]::new));
    assertEquals(PruneLabCli.USER_ERROR, run.status(), run.out() + run.err());
    assertTrue(run.err().startsWith("error: ") && run.err().contains(expected), run.err());
    assertEquals(1, run.err().strip().lines().count(), run.err());
  }

  private static void checkFile(Path file, String format, int width, int height) throws Exception {
    assertTrue(Files.size(file) > 500, file + " is too small");
    switch (format) {
      case "png" -> {
        BufferedImage image = ImageIO.read(file.toFile());
        assertNotNull(image, file + " does not decode as PNG");
        assertEquals(width, image.getWidth());
        assertEquals(height, image.getHeight());
      }
      case "svg" -> {
        Document svg =
            DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile());
        assertEquals("svg", svg.getDocumentElement().getTagName());
        assertEquals(width, Double.parseDouble(svg.getDocumentElement().getAttribute("width")));
      }
      default -> {
        byte[] bytes = Files.readAllBytes(file);
        assertEquals("%PDF", new String(bytes, 0, 4, StandardCharsets.US_ASCII));
        assertTrue(
            new String(bytes, StandardCharsets.ISO_8859_1)
                .contains("/MediaBox [0.0 0.0 " + width + ".0 " + height + ".0]"),
            file + " has another page size");
      }
    }
  }
}

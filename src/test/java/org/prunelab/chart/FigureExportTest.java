package org.prunelab.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.jfree.chart.JFreeChart;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

class FigureExportTest {

  private static JFreeChart chart() {
    return ExcessErrorChart.of(
        "pfp",
        List.of(new ExcessErrorPoint("fog", 0.1, 0.5), new ExcessErrorPoint("fog", 0.5, 2.0)));
  }

  @Test
  void pngHasTheRequestedSize(@TempDir Path dir) throws Exception {
    Path png = dir.resolve("sub/fig.PNG");
    FigureExport.write(chart(), png, 321, 123);
    BufferedImage image = ImageIO.read(png.toFile());
    assertEquals(321, image.getWidth());
    assertEquals(123, image.getHeight());
    try (Stream<Path> files = Files.list(png.getParent())) {
      assertEquals(List.of(png), files.toList(), "no temporary file is left behind");
    }
  }

  @Test
  void aScaledPngHasTwiceThePixelsOfItsLayout(@TempDir Path dir) throws Exception {
    Path png = dir.resolve("fig@2x.png");
    FigureExport.write(chart(), png, 321, 123, 2);
    BufferedImage image = ImageIO.read(png.toFile());
    assertEquals(642, image.getWidth());
    assertEquals(246, image.getHeight());
    ChartException e =
        assertThrows(ChartException.class, () -> FigureExport.write(chart(), png, 10, 10, 0));
    assertTrue(e.getMessage().contains("1..8"), e.getMessage());
  }

  @Test
  void svgIsAnSvgDocumentOfTheRequestedSize(@TempDir Path dir) throws Exception {
    Path svg = dir.resolve("fig.svg");
    FigureExport.write(chart(), svg, 400, 300);
    String text = Files.readString(svg, StandardCharsets.UTF_8);
    assertTrue(text.startsWith("<svg"), text.substring(0, Math.min(60, text.length())));
    Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(svg.toFile());
    assertEquals("svg", doc.getDocumentElement().getTagName());
    assertEquals(400, Double.parseDouble(doc.getDocumentElement().getAttribute("width")), 0);
    assertEquals(300, Double.parseDouble(doc.getDocumentElement().getAttribute("height")), 0);
    assertTrue(
        text.contains(">Prune ratio (% of parameters removed)<"), "x axis label is drawn as text");
  }

  @Test
  void pdfStartsWithThePdfHeader(@TempDir Path dir) throws Exception {
    Path pdf = dir.resolve("fig.pdf");
    FigureExport.write(chart(), pdf, 400, 300);
    byte[] bytes = Files.readAllBytes(pdf);
    assertTrue(bytes.length > 1000, "a page with a chart, got " + bytes.length + " bytes");
    assertEquals("%PDF", new String(bytes, 0, 4, StandardCharsets.US_ASCII));
    String text = new String(bytes, StandardCharsets.ISO_8859_1);
    assertTrue(
        Pattern.compile("/MediaBox \\[0(\\.0)? 0(\\.0)? 400(\\.0)? 300(\\.0)?\\]")
            .matcher(text)
            .find(),
        text.substring(0, Math.min(400, text.length())));
  }

  @Test
  void unknownExtensionIsRefusedNamingTheAcceptedOnes(@TempDir Path dir) {
    Path jpg = dir.resolve("fig.jpg");
    ChartException e =
        assertThrows(ChartException.class, () -> FigureExport.write(chart(), jpg, 100, 100));
    assertTrue(e.getMessage().contains(".png, .svg or .pdf"), e.getMessage());
    assertFalse(Files.exists(jpg));
    assertThrows(
        ChartException.class, () -> FigureExport.write(chart(), dir.resolve("fig.png"), 0, 100));
  }
}

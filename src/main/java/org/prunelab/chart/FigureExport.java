package org.prunelab.chart;

import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.pdf.PDFDocument;
import org.jfree.pdf.PDFGraphics2D;
import org.jfree.pdf.Page;
import org.jfree.svg.SVGGraphics2D;

/**
 * Writes a chart (or a raster image) headless to a file whose extension picks the format: {@code
 * .png} (raster, width x height pixels), {@code .svg} or {@code .pdf} (vector, width x height
 * points). The file is written next to its target and moved into place, so a reader never sees half
 * a figure.
 */
public final class FigureExport {

  private FigureExport() {}

  /**
   * Draws {@code chart} at {@code width} x {@code height} into {@code file}, creating its folder if
   * needed.
   */
  public static void write(JFreeChart chart, Path file, int width, int height) {
    write(chart, file, width, height, 1);
  }

  /**
   * Draws {@code chart} laid out at {@code width} x {@code height} into {@code file}; a PNG gets
   * {@code scale} times the pixels in each direction (2: 192 dpi for a 96 dpi layout), so text and
   * lines stay sharp in print. Vector formats ignore {@code scale}.
   */
  public static void write(JFreeChart chart, Path file, int width, int height, int scale) {
    if (scale < 1 || scale > 8) {
      throw new ChartException("PNG scale must be 1..8, got " + scale);
    }
    write(
        file,
        width,
        height,
        g -> chart.draw(g, new Rectangle(0, 0, width, height)),
        out -> ChartUtils.writeScaledChartAsPNG(out, chart, width, height, scale, scale));
  }

  /**
   * Writes a raster {@code image} (a corruption gallery) into {@code file} at its own size: a PNG
   * of its pixels, or an SVG or PDF page that embeds them.
   */
  public static void write(BufferedImage image, Path file) {
    write(
        file,
        image.getWidth(),
        image.getHeight(),
        g -> g.drawImage(image, 0, 0, null),
        out -> {
          if (!ImageIO.write(image, "png", out)) {
            throw new IOException(
                "this Java runtime has no PNG writer in javax.imageio; use a full JDK");
          }
        });
  }

  /** Paints a figure onto a vector canvas. */
  private interface Painter {
    void paint(Graphics2D g);
  }

  /** Encodes a figure as PNG. */
  private interface PngWriter {
    void write(OutputStream out) throws IOException;
  }

  private static void write(Path file, int width, int height, Painter painter, PngWriter png) {
    String name =
        file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
    String format =
        name.endsWith(".png")
            ? "png"
            : name.endsWith(".svg") ? "svg" : name.endsWith(".pdf") ? "pdf" : null;
    if (format == null) {
      throw new ChartException(
          "cannot tell the figure format of "
              + file
              + "; end the file name with .png, .svg"
              + " or .pdf");
    }
    if (width < 1 || height < 1 || width > 20_000 || height > 20_000) {
      throw new ChartException(
          "figure size must be 1..20000 in each direction, got " + width + " x " + height);
    }
    Path target = file.toAbsolutePath();
    Path temp = null;
    try {
      Files.createDirectories(target.getParent());
      temp = target.resolveSibling("." + target.getFileName() + "." + UUID.randomUUID() + ".tmp");
      try (OutputStream out =
          Files.newOutputStream(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
        switch (format) {
          case "png" -> png.write(out);
          case "svg" -> out.write(svg(painter, width, height));
          default -> out.write(pdf(painter, width, height));
        }
      }
      try {
        Files.move(
            temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      throw new ChartException(
          "could not write the figure to " + file + " (" + e + "); choose a writable folder", e);
    } finally {
      if (temp != null) {
        try {
          Files.deleteIfExists(temp);
        } catch (IOException ignored) {
          // the temporary file is only left behind; the error, if any, is already on its way
        }
      }
    }
  }

  private static byte[] svg(Painter painter, int width, int height) {
    SVGGraphics2D g = new SVGGraphics2D(width, height);
    painter.paint(g);
    return g.getSVGElement().getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] pdf(Painter painter, int width, int height) {
    PDFDocument document = new PDFDocument();
    Page page = document.createPage(new Rectangle(0, 0, width, height));
    PDFGraphics2D g = page.getGraphics2D();
    painter.paint(g);
    return document.getPDFBytes();
  }
}

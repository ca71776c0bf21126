package org.prunelab.chart;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import javax.imageio.ImageIO;
import org.prunelab.data.ImageDataset;
import org.prunelab.data.corrupt.CorruptedDataset;
import org.prunelab.data.corrupt.Corruption;
import org.prunelab.data.corrupt.CorruptionFamily;
import org.prunelab.error.PruneLabException;

/**
 * A labelled grid of corrupted images: one row per corruption (a family heading above each run of
 * rows of one family), and for each image of {@code images} a block of columns, the clean image
 * followed by one column per severity. Tiles are enlarged {@code scale} times with
 * nearest-neighbour pixels so single pixels stay visible; tile {@code (image i, severity s)} is
 * exactly {@link CorruptedDataset#image}{@code (images, i, corruption, s, seed)}.
 *
 * @param images the images to show (a handful: each adds a block of columns)
 * @param corruptions the rows, in order
 * @param severities the severity columns, each in 1..5
 * @param seed seeds image {@code i}'s random draws with {@code (seed, i)}, as {@link
 *     CorruptedDataset} does
 * @param scale enlargement of each image pixel, 1..16
 */
public record CorruptionGallery(
    ImageDataset images,
    List<Corruption> corruptions,
    List<Integer> severities,
    long seed,
    int scale) {

  private static final int GAP = 2;
  private static final int BLOCK_GAP = 12;
  private static final int MARGIN = 8;
  private static final int LABEL_WIDTH = 110;
  private static final int HEADER_HEIGHT = 20;
  private static final int FAMILY_HEIGHT = 18;
  private static final Font LABEL_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
  private static final Font FAMILY_FONT = new Font(Font.SANS_SERIF, Font.BOLD, 12);

  /** Checks that there is something to draw and that every severity and the scale are in range. */
  public CorruptionGallery {
    Objects.requireNonNull(images, "images");
    corruptions = List.copyOf(corruptions);
    severities = List.copyOf(severities);
    if (images.size() == 0 || corruptions.isEmpty()) {
      throw new IllegalArgumentException(
          "a gallery needs at least one image and one corruption, got "
              + images.size()
              + " images and "
              + corruptions.size()
              + " corruptions");
    }
    severities.forEach(Corruption::checkSeverity);
    if (scale < 1 || scale > 16) {
      throw new IllegalArgumentException("scale must be 1..16, got " + scale);
    }
  }

  /** The gallery as an RGB image. */
  public BufferedImage render() {
    int tileW = images.width() * scale;
    int tileH = images.height() * scale;
    int columns = 1 + severities.size();
    int blockWidth = columns * tileW + (columns - 1) * GAP;
    int headings = 0;
    for (int r = 0; r < corruptions.size(); r++) {
      if (r == 0 || corruptions.get(r).family() != corruptions.get(r - 1).family()) {
        headings++;
      }
    }
    int width =
        MARGIN
            + LABEL_WIDTH
            + images.size() * blockWidth
            + (images.size() - 1) * BLOCK_GAP
            + MARGIN;
    int height =
        MARGIN
            + HEADER_HEIGHT
            + headings * FAMILY_HEIGHT
            + corruptions.size() * (tileH + GAP)
            + MARGIN;
    BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = out.createGraphics();
    try {
      g.setRenderingHint(
          RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, width, height);
      g.setColor(Color.DARK_GRAY);
      g.setFont(LABEL_FONT);
      FontMetrics metrics = g.getFontMetrics();
      int left = MARGIN + LABEL_WIDTH;
      for (int i = 0; i < images.size(); i++) {
        int blockX = left + i * (blockWidth + BLOCK_GAP);
        for (int col = 0; col < columns; col++) {
          String text = col == 0 ? "clean" : "severity " + severities.get(col - 1);
          if (metrics.stringWidth(text) > tileW) {
            text = col == 0 ? "clean" : "s" + severities.get(col - 1);
          }
          int x = blockX + col * (tileW + GAP) + (tileW - metrics.stringWidth(text)) / 2;
          g.drawString(text, x, MARGIN + metrics.getAscent());
        }
      }
      int y = MARGIN + HEADER_HEIGHT;
      CorruptionFamily family = null;
      for (Corruption corruption : corruptions) {
        if (corruption.family() != family) {
          family = corruption.family();
          g.setFont(FAMILY_FONT);
          g.setColor(new Color(0x33, 0x55, 0x99));
          g.drawString(family.label(), MARGIN, y + FAMILY_HEIGHT - 5);
          g.setColor(new Color(0xcc, 0xd5, 0xe5));
          g.drawLine(
              MARGIN + g.getFontMetrics().stringWidth(family.label()) + 6,
              y + FAMILY_HEIGHT / 2,
              width - MARGIN,
              y + FAMILY_HEIGHT / 2);
          g.setFont(LABEL_FONT);
          y += FAMILY_HEIGHT;
        }
        g.setColor(Color.BLACK);
        g.drawString(corruption.id(), MARGIN + 6, y + (tileH + metrics.getAscent()) / 2 - 2);
        for (int i = 0; i < images.size(); i++) {
          int blockX = left + i * (blockWidth + BLOCK_GAP);
          float[] clean = new float[images.imageSize()];
          images.copyImage(i, clean, 0);
          drawTile(out, clean, blockX, y);
          for (int col = 1; col < columns; col++) {
            float[] corrupted =
                CorruptedDataset.image(images, i, corruption, severities.get(col - 1), seed);
            drawTile(out, corrupted, blockX + col * (tileW + GAP), y);
          }
        }
        y += tileH + GAP;
      }
    } finally {
      g.dispose();
    }
    return out;
  }

  /**
   * Renders the gallery and writes it as a PNG file at {@code png}, creating its folder if needed.
   */
  public void write(Path png) {
    try {
      Path parent = png.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      if (!ImageIO.write(render(), "png", png.toFile())) {
        throw new PruneLabException(
            "this Java runtime has no PNG writer in javax.imageio; use a full JDK");
      }
    } catch (IOException e) {
      throw new PruneLabException(
          "could not write the corruption gallery to "
              + png
              + " ("
              + e.getMessage()
              + "); choose a writable folder",
          e);
    }
  }

  /**
   * Paints one C x H x W image (grey or RGB, values in [0, 1]) with its top-left corner at {@code
   * (x0, y0)}.
   */
  private void drawTile(BufferedImage out, float[] chw, int x0, int y0) {
    int h = images.height();
    int w = images.width();
    int plane = h * w;
    boolean grey = images.channels() < 3;
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        int k = y * w + x;
        int r = level(chw[k]);
        int gr = grey ? r : level(chw[plane + k]);
        int b = grey ? r : level(chw[2 * plane + k]);
        int rgb = (r << 16) | (gr << 8) | b;
        for (int dy = 0; dy < scale; dy++) {
          for (int dx = 0; dx < scale; dx++) {
            out.setRGB(x0 + x * scale + dx, y0 + y * scale + dy, rgb);
          }
        }
      }
    }
  }

  private static int level(float v) {
    return Math.round(Math.min(1f, Math.max(0f, v)) * 255);
  }
}

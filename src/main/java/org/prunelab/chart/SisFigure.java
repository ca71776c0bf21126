package org.prunelab.chart;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.List;

/**
 * Sufficient input subsets and saliency of an unpruned and a pruned network, one row per test image
 * and five tiles per row: the image; the unpruned network's SIS (its pixels in full colour, the
 * rest dimmed to a quarter); its integrated-gradients map (red: evidence for its class, blue:
 * against, white: none, scaled to the row's largest |attribution|); and the same two for the pruned
 * network. Tiles are enlarged {@code scale} times with nearest-neighbour pixels; a caption under
 * each SIS tile gives the decision, and a heading above each row its title (the overlap).
 */
public final class SisFigure {
  private static final int GAP = 4;
  private static final int MARGIN = 8;
  private static final int HEADER_HEIGHT = 20;
  private static final int TITLE_HEIGHT = 18;
  private static final int CAPTION_HEIGHT = 18;
  private static final Font FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
  private static final Font TITLE_FONT = new Font(Font.SANS_SERIF, Font.BOLD, 12);
  private static final String[] HEADERS = {
    "image", "unpruned SIS", "unpruned IG", "pruned SIS", "pruned IG"
  };
  private static final Color TINT = new Color(0xff, 0xa0, 0x20);

  /**
   * One network's side of a row.
   *
   * @param caption what it decided ("Ankle boot 98 %, SIS 12 of 196")
   * @param mask the SIS's pixels (H x W, true = in the SIS; all false when it has none, which dims
   *     the whole image)
   * @param attribution integrated gradients per pixel (H x W)
   */
  public record Side(String caption, boolean[] mask, float[] attribution) {}

  /**
   * One test image.
   *
   * @param title the heading ("test image 3 (Dress): overlap 0.45")
   * @param rawPixels C x H x W in [0, 1]
   */
  public record Row(
      String title,
      float[] rawPixels,
      int channels,
      int height,
      int width,
      Side unpruned,
      Side pruned) {}

  private SisFigure() {}

  /** The figure of {@code rows} as an RGB image, pixels enlarged {@code scale} (1..16) times. */
  public static BufferedImage render(List<Row> rows, int scale) {
    if (rows.isEmpty()) {
      throw new ChartException("an SIS figure needs at least one image");
    }
    if (scale < 1 || scale > 16) {
      throw new ChartException("scale must be 1..16, got " + scale);
    }
    int tileW = rows.get(0).width() * scale;
    int tileH = rows.get(0).height() * scale;
    int width = 2 * MARGIN + HEADERS.length * tileW + (HEADERS.length - 1) * GAP;
    int rowHeight = TITLE_HEIGHT + tileH + CAPTION_HEIGHT;
    int height = 2 * MARGIN + HEADER_HEIGHT + rows.size() * rowHeight;
    BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = out.createGraphics();
    try {
      g.setRenderingHint(
          RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, width, height);
      g.setFont(FONT);
      FontMetrics metrics = g.getFontMetrics();
      g.setColor(Color.DARK_GRAY);
      for (int c = 0; c < HEADERS.length; c++) {
        int x = MARGIN + c * (tileW + GAP) + (tileW - metrics.stringWidth(HEADERS[c])) / 2;
        g.drawString(HEADERS[c], x, MARGIN + metrics.getAscent());
      }
      int y = MARGIN + HEADER_HEIGHT;
      for (Row row : rows) {
        if (row.width() * scale != tileW || row.height() * scale != tileH) {
          throw new ChartException("every image of an SIS figure must have the same size");
        }
        g.setFont(TITLE_FONT);
        g.setColor(Color.BLACK);
        g.drawString(row.title(), MARGIN, y + TITLE_HEIGHT - 5);
        g.setFont(FONT);
        int top = y + TITLE_HEIGHT;
        float scaleOfRow =
            Math.max(largest(row.unpruned().attribution()), largest(row.pruned().attribution()));
        int[][] tiles = {
          image(row, null),
          image(row, row.unpruned().mask()),
          heat(row.unpruned().attribution(), scaleOfRow),
          image(row, row.pruned().mask()),
          heat(row.pruned().attribution(), scaleOfRow)
        };
        for (int c = 0; c < tiles.length; c++) {
          draw(out, tiles[c], row.width(), row.height(), scale, MARGIN + c * (tileW + GAP), top);
        }
        g.setColor(Color.DARK_GRAY);
        caption(g, row.unpruned().caption(), MARGIN + (tileW + GAP), top + tileH, 2 * tileW + GAP);
        caption(
            g, row.pruned().caption(), MARGIN + 3 * (tileW + GAP), top + tileH, 2 * tileW + GAP);
        y += rowHeight;
      }
    } finally {
      g.dispose();
    }
    return out;
  }

  private static void caption(Graphics2D g, String text, int x, int top, int room) {
    FontMetrics metrics = g.getFontMetrics();
    String shown = text;
    while (metrics.stringWidth(shown) > room && shown.length() > 1) {
      shown = shown.substring(0, shown.length() - 2) + "…";
    }
    g.drawString(shown, x, top + metrics.getAscent() + 2);
  }

  private static float largest(float[] values) {
    float max = 0;
    for (float v : values) {
      max = Math.max(max, Math.abs(v));
    }
    return max;
  }

  /** RGB of the image; with a mask, the SIS's pixels tinted and the others dimmed. */
  private static int[] image(Row row, boolean[] mask) {
    int plane = row.height() * row.width();
    int[] rgb = new int[plane];
    for (int p = 0; p < plane; p++) {
      float r = row.rawPixels()[p];
      float gr = row.channels() == 3 ? row.rawPixels()[plane + p] : r;
      float b = row.channels() == 3 ? row.rawPixels()[2 * plane + p] : r;
      if (mask != null) {
        if (mask[p]) {
          r = 0.5f * r + 0.5f * TINT.getRed() / 255f;
          gr = 0.5f * gr + 0.5f * TINT.getGreen() / 255f;
          b = 0.5f * b + 0.5f * TINT.getBlue() / 255f;
        } else {
          r *= 0.25f;
          gr *= 0.25f;
          b *= 0.25f;
        }
      }
      rgb[p] = pack(r, gr, b);
    }
    return rgb;
  }

  /** Diverging map: red for positive attribution, blue for negative, white for 0. */
  private static int[] heat(float[] attribution, float scale) {
    int[] rgb = new int[attribution.length];
    for (int p = 0; p < attribution.length; p++) {
      float t = scale > 0 ? Math.max(-1, Math.min(1, attribution[p] / scale)) : 0;
      rgb[p] = t >= 0 ? pack(1, 1 - t, 1 - t) : pack(1 + t, 1 + t, 1);
    }
    return rgb;
  }

  private static int pack(float r, float g, float b) {
    return (channel(r) << 16) | (channel(g) << 8) | channel(b);
  }

  private static int channel(float v) {
    return Math.round(255 * Math.max(0, Math.min(1, v)));
  }

  private static void draw(
      BufferedImage out, int[] rgb, int width, int height, int scale, int x0, int y0) {
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        int colour = rgb[y * width + x];
        for (int dy = 0; dy < scale; dy++) {
          for (int dx = 0; dx < scale; dx++) {
            out.setRGB(x0 + x * scale + dx, y0 + y * scale + dy, colour);
          }
        }
      }
    }
  }
}

package org.prunelab.data.corrupt;

import java.awt.image.BufferedImage;
import java.awt.image.WritableRaster;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Iterator;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * A JPEG round trip in memory with the JDK's baseline JPEG codec ({@code javax.imageio}): the
 * picture is rounded to 8 bits, encoded at an IJG quality in 1..100 (grey as one component, RGB as
 * YCbCr) and decoded again.
 */
final class JpegCodec {

  private JpegCodec() {}

  /** {@code p} (1 or 3 channels) after JPEG compression at {@code quality}, as a new picture. */
  static Picture roundTrip(Picture p, int quality) {
    BufferedImage image =
        new BufferedImage(
            p.w, p.h, p.c == 1 ? BufferedImage.TYPE_BYTE_GRAY : BufferedImage.TYPE_3BYTE_BGR);
    WritableRaster raster = image.getRaster();
    for (int ch = 0; ch < p.c; ch++) {
      for (int y = 0; y < p.h; y++) {
        for (int x = 0; x < p.w; x++) {
          raster.setSample(x, y, ch, Math.round(Math.min(1f, Math.max(0f, p.get(ch, y, x))) * 255));
        }
      }
    }
    BufferedImage decoded = decode(encode(image, quality));
    Picture out = new Picture(p.c, p.h, p.w);
    for (int ch = 0; ch < p.c; ch++) {
      for (int y = 0; y < p.h; y++) {
        for (int x = 0; x < p.w; x++) {
          out.set(ch, y, x, decoded.getRaster().getSample(x, y, ch) / 255f);
        }
      }
    }
    return out;
  }

  private static byte[] encode(BufferedImage image, int quality) {
    ImageWriter writer = first(ImageIO.getImageWritersByFormatName("jpeg"));
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
      ImageWriteParam param = writer.getDefaultWriteParam();
      param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
      param.setCompressionQuality(quality / 100f);
      writer.setOutput(out);
      writer.write(null, new IIOImage(image, null, null), param);
    } catch (IOException e) {
      throw new CorruptionException(
          "JPEG encoding of a "
              + image.getWidth()
              + "x"
              + image.getHeight()
              + " image failed in memory: "
              + e.getMessage(),
          e);
    } finally {
      writer.dispose();
    }
    return bytes.toByteArray();
  }

  private static BufferedImage decode(byte[] jpeg) {
    ImageReader reader = first(ImageIO.getImageReadersByFormatName("jpeg"));
    try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(jpeg))) {
      reader.setInput(in);
      return reader.read(0);
    } catch (IOException e) {
      throw new CorruptionException(
          "decoding a JPEG image made in memory failed: " + e.getMessage(), e);
    } finally {
      reader.dispose();
    }
  }

  private static <T> T first(Iterator<T> codecs) {
    if (!codecs.hasNext()) {
      throw new CorruptionException(
          "this Java runtime has no JPEG codec in javax.imageio; the jpeg corruption "
              + "needs a full JDK (not a stripped jlink image without java.desktop)");
    }
    return codecs.next();
  }
}

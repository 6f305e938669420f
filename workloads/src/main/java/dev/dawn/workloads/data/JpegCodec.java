package dev.dawn.workloads.data;

import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;

/**
 * JPEG (and other ImageIO formats) to/from bytes, without ImageIO's disk cache and without
 * per-pixel getRGB.
 */
final class JpegCodec {
  static {
    // ImageIO's default stream cache writes temp files; in-memory streams are faster and
    // thread-friendly.
    ImageIO.setUseCache(false);
  }

  private JpegCodec() {}

  static byte[] encode(BufferedImage image, float quality) throws IOException {
    ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
    ByteArrayOutputStream out = new ByteArrayOutputStream(4096);
    try (ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
      ImageWriteParam param = writer.getDefaultWriteParam();
      param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
      param.setCompressionQuality(quality);
      writer.setOutput(stream);
      writer.write(null, new IIOImage(image, null, null), param);
    } finally {
      writer.dispose();
    }
    return out.toByteArray();
  }

  /**
   * Largest image decoded, in pixels (width x height): 64 megapixels, twice the largest ImageNet
   * photo. A header claiming more is refused before any pixel is decoded, because a 1 KB file can
   * claim 20000x20000 and would otherwise cost gigabytes of memory.
   */
  public static final long MAX_PIXELS = 64L * 1024 * 1024;

  /**
   * Decodes an encoded image; {@code name} only feeds the error message. CMYK and YCCK JPEGs go
   * through the TwelveMonkeys reader (registered ahead of the JDK's), which converts them with
   * their ICC profile.
   *
   * @throws IOException when no reader understands the bytes, the image is larger than {@link
   *     #MAX_PIXELS}, or the stream is truncated/corrupt (the JDK's reader only warns about these
   *     and fills the rest with grey)
   */
  static DecodedImage decode(byte[] encoded, String name) throws IOException {
    BufferedImage image;
    try (ImageInputStream stream =
        ImageIO.createImageInputStream(new ByteArrayInputStream(encoded))) {
      Iterator<ImageReader> readers = ImageIO.getImageReaders(stream);
      if (!readers.hasNext()) {
        throw new CorruptImageException(
            name + ": not a readable image (no ImageIO reader recognises its header)");
      }
      ImageReader reader = readers.next();
      List<String> damage = new ArrayList<>();
      try {
        reader.setInput(stream, true, true);
        long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
        if (pixels > MAX_PIXELS) {
          throw new CorruptImageException(
              String.format(
                  "%s: header claims %dx%d = %,d pixels, above the limit of %,d",
                  name, reader.getWidth(0), reader.getHeight(0), pixels, MAX_PIXELS));
        }
        reader.addIIOReadWarningListener(
            (source, warning) -> {
              if (meansDamagedData(warning)) {
                damage.add(warning);
              }
            });
        image = reader.read(0);
      } catch (CorruptImageException e) {
        throw e;
      } catch (IOException | RuntimeException e) {
        // Some corrupt JPEGs make the native decoder throw unchecked exceptions; they are still
        // just bad files.
        throw new CorruptImageException(name + ": corrupt image: " + e.getMessage(), e);
      } finally {
        reader.dispose();
      }
      if (!damage.isEmpty()) {
        throw new CorruptImageException(name + ": truncated or corrupt image: " + damage.get(0));
      }
    }
    return toRgb(image);
  }

  /**
   * The libjpeg warnings after which part of the picture is invented (grey fill): a missing end, or
   * entropy-coded data that does not decode. "Extraneous bytes before marker" is not among them:
   * the pixels are all there.
   */
  private static boolean meansDamagedData(String warning) {
    String w = warning.toLowerCase(Locale.ROOT);
    return w.startsWith("truncated")
        || w.contains("premature end")
        || (w.contains("corrupt jpeg data") && !w.contains("extraneous bytes"));
  }

  static DecodedImage toRgb(BufferedImage image) {
    int w = image.getWidth();
    int h = image.getHeight();
    byte[] rgb = new byte[w * h * 3];
    if (image.getType() == BufferedImage.TYPE_3BYTE_BGR
        && image.getRaster().getDataBuffer() instanceof DataBufferByte buffer
        && image.getRaster().getSampleModelTranslateX() == 0
        && buffer.getData().length == w * h * 3) {
      byte[] bgr = buffer.getData();
      for (int i = 0; i < rgb.length; i += 3) {
        rgb[i] = bgr[i + 2];
        rgb[i + 1] = bgr[i + 1];
        rgb[i + 2] = bgr[i];
      }
    } else if (isGray(image)) {
      // getRGB would treat the grey as linear and convert it to sRGB (luma 60 -> 133); the luma is
      // already the display value, so it is copied into R, G and B unchanged.
      Raster raster = image.getRaster();
      int max = (1 << raster.getSampleModel().getSampleSize(0)) - 1;
      int[] row = new int[w];
      for (int y = 0; y < h; y++) {
        raster.getSamples(0, y, w, 1, 0, row);
        int o = y * w * 3;
        for (int x = 0; x < w; x++) {
          byte v = (byte) (max == 255 ? row[x] : (row[x] * 255 + max / 2) / max);
          rgb[o++] = v;
          rgb[o++] = v;
          rgb[o++] = v;
        }
      }
    } else {
      // Palette or ARGB images: one row of packed ints at a time (never getRGB per pixel).
      int[] row = new int[w];
      for (int y = 0; y < h; y++) {
        image.getRGB(0, y, w, 1, row, 0, w);
        int o = y * w * 3;
        for (int x = 0; x < w; x++) {
          int p = row[x];
          rgb[o++] = (byte) (p >> 16);
          rgb[o++] = (byte) (p >> 8);
          rgb[o++] = (byte) p;
        }
      }
    }
    return new DecodedImage(w, h, rgb);
  }

  /** Grey, or grey with alpha (PNG), without a palette: the first band is the luma. */
  private static boolean isGray(BufferedImage image) {
    return image.getColorModel().getColorSpace().getType() == ColorSpace.TYPE_GRAY
        && !(image.getColorModel() instanceof IndexColorModel)
        && image.getRaster().getNumBands() <= 2;
  }
}

package dev.dawn.workloads.data;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
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

/** JPEG (and other ImageIO formats) to/from bytes, without ImageIO's disk cache and without per-pixel getRGB. */
final class JpegCodec {
  static {
    // ImageIO's default stream cache writes temp files; in-memory streams are faster and thread-friendly.
    ImageIO.setUseCache(false);
  }

  private JpegCodec() {
  }

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
   * Decodes an encoded image; {@code name} only feeds the error message.
   *
   * @throws IOException when no reader understands the bytes or the stream is truncated/corrupt
   */
  static DecodedImage decode(byte[] encoded, String name) throws IOException {
    BufferedImage image;
    try (ImageInputStream stream = ImageIO.createImageInputStream(new ByteArrayInputStream(encoded))) {
      Iterator<ImageReader> readers = ImageIO.getImageReaders(stream);
      if (!readers.hasNext()) {
        throw new IOException(name + ": not a readable image (no ImageIO reader recognises its header)");
      }
      ImageReader reader = readers.next();
      try {
        reader.setInput(stream, true, true);
        image = reader.read(0);
      } catch (RuntimeException e) {
        // Some corrupt JPEGs make the native decoder throw unchecked exceptions; they are still just bad files.
        throw new IOException(name + ": corrupt image: " + e, e);
      } finally {
        reader.dispose();
      }
    }
    return toRgb(image);
  }

  static DecodedImage toRgb(BufferedImage image) {
    int w = image.getWidth();
    int h = image.getHeight();
    byte[] rgb = new byte[w * h * 3];
    if (image.getType() == BufferedImage.TYPE_3BYTE_BGR
        && image.getRaster().getDataBuffer() instanceof DataBufferByte buffer
        && image.getRaster().getSampleModelTranslateX() == 0 && buffer.getData().length == w * h * 3) {
      byte[] bgr = buffer.getData();
      for (int i = 0; i < rgb.length; i += 3) {
        rgb[i] = bgr[i + 2];
        rgb[i + 1] = bgr[i + 1];
        rgb[i + 2] = bgr[i];
      }
    } else {
      // Grey, palette or ARGB images: one row of packed ints at a time (never getRGB per pixel).
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
}

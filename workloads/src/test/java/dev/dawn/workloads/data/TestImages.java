package dev.dawn.workloads.data;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Fixture images for the data tests. */
final class TestImages {
  private TestImages() {}

  /** A uniformly coloured JPEG file. */
  static Path writeJpeg(Path file, int width, int height, int r, int g, int b) throws IOException {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
    byte[] bgr = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
    for (int i = 0; i < bgr.length; i += 3) {
      bgr[i] = (byte) b;
      bgr[i + 1] = (byte) g;
      bgr[i + 2] = (byte) r;
    }
    Files.createDirectories(file.getParent());
    Files.write(file, JpegCodec.encode(image, 0.95f));
    return file;
  }

  /** An in-memory image whose value is a function of (x, y, channel), exact (no JPEG loss). */
  static DecodedImage image(int width, int height, PixelFunction f) {
    byte[] rgb = new byte[width * height * 3];
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        for (int c = 0; c < 3; c++) {
          rgb[(y * width + x) * 3 + c] = (byte) f.value(x, y, c);
        }
      }
    }
    return new DecodedImage(width, height, rgb);
  }

  /** {@code n} images whose pixels all differ from image to image; image i has label i. */
  static java.util.List<ImageSource> distinct(int n, int width, int height) {
    java.util.List<ImageSource> out = new java.util.ArrayList<>();
    for (int i = 0; i < n; i++) {
      int k = i;
      out.add(
          source(
              "img" + i,
              i,
              image(width, height, (x, y, c) -> (k * 37 + x * 11 + y * 5 + c * 60) % 256)));
    }
    return out;
  }

  static ImageSource source(String id, int label, DecodedImage image) {
    return new ImageSource() {
      @Override
      public String id() {
        return id;
      }

      @Override
      public int label() {
        return label;
      }

      @Override
      public DecodedImage decode() {
        return image;
      }
    };
  }

  interface PixelFunction {
    int value(int x, int y, int c);
  }
}

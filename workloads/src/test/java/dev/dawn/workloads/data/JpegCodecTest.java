package dev.dawn.workloads.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.awt.image.DataBuffer;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import org.junit.jupiter.api.Test;

/**
 * Pixel values of the decodes that ImageIO's defaults get wrong or do not bound: grey, CMYK, cut
 * and forged files.
 */
class JpegCodecTest {
  @Test
  void grayJpegLumaIsCopiedIntoRgbUnchanged() throws IOException {
    int[] luma = {1, 60, 120, 226};
    BufferedImage gray = new BufferedImage(luma.length * 8, 8, BufferedImage.TYPE_BYTE_GRAY);
    for (int y = 0; y < 8; y++) {
      for (int x = 0; x < gray.getWidth(); x++) {
        gray.getRaster().setSample(x, y, 0, luma[x / 8]);
      }
    }
    byte[] jpeg = JpegCodec.encode(gray, 1.0f);
    // The JPEG's own luma after its (small) loss: what the decoder's raster holds before any colour
    // conversion.
    Raster decodedLuma = ImageIO.read(new ByteArrayInputStream(jpeg)).getRaster();

    DecodedImage image = JpegCodec.decode(jpeg, "gray.jpg");

    for (int i = 0; i < luma.length; i++) {
      int x = i * 8 + 4;
      int expected = decodedLuma.getSample(x, 4, 0);
      assertThat(expected)
          .as("lossless enough: luma %d stays within 2", luma[i])
          .isBetween(luma[i] - 2, luma[i] + 2);
      assertThat(rgbAt(image, x, 4))
          .as("luma %d", luma[i])
          .containsExactly(expected, expected, expected);
    }
  }

  @Test
  void jpegCutInHalfIsCorruptNotGrey() throws IOException {
    BufferedImage picture = new BufferedImage(256, 256, BufferedImage.TYPE_3BYTE_BGR);
    for (int y = 0; y < 256; y++) {
      for (int x = 0; x < 256; x++) {
        picture.setRGB(x, y, (x * 7 % 256) << 16 | (y * 13 % 256) << 8 | 50);
      }
    }
    byte[] jpeg = JpegCodec.encode(picture, 0.9f);
    assertThat(JpegCodec.decode(jpeg, "whole.jpg").width()).isEqualTo(256);

    byte[] half = Arrays.copyOf(jpeg, jpeg.length / 2);
    assertThatThrownBy(() -> JpegCodec.decode(half, "half.jpg"))
        .isInstanceOf(CorruptImageException.class)
        .hasMessageStartingWith("half.jpg: truncated or corrupt image");
  }

  @Test
  void forgedHugeHeaderIsRefusedBeforeDecoding() throws IOException {
    byte[] jpeg = JpegCodec.encode(new BufferedImage(16, 16, BufferedImage.TYPE_3BYTE_BGR), 0.9f);
    byte[] forged = jpeg.clone();
    int sof = sofOffset(forged);
    // SOF0: FF C0, length(2), precision(1), height(2), width(2)
    writeShort(forged, sof + 5, 20000);
    writeShort(forged, sof + 7, 20000);

    long before = usedHeap();
    assertThatThrownBy(() -> JpegCodec.decode(forged, "forged.jpg"))
        .isInstanceOf(CorruptImageException.class)
        .hasMessageContaining(
            "forged.jpg: header claims 20000x20000 = 400,000,000 pixels, above the limit");
    // A full decode would need 1.2 GB for the pixels alone; the refusal allocates next to nothing.
    assertThat(usedHeap() - before).isLessThan(200L * 1024 * 1024);
  }

  /**
   * Adobe CMYK JPEGs (APP14 transform 0, inverted ink as Photoshop writes it) without a profile:
   * ink C=255 is cyan, K=128 a mid grey (the JDK's reader makes it 187, as it does with grey), no
   * ink white.
   */
  @Test
  void cmykJpegColoursAreKnownValues() throws IOException {
    assertThat(
            Arrays.stream(rgbAt(JpegCodec.decode(adobeCmyk(0, 0, 0, 0), "white.jpg"), 8, 8))
                .boxed())
        .allSatisfy(v -> assertThat(v).isGreaterThanOrEqualTo(253));
    assertThat(rgbAt(JpegCodec.decode(adobeCmyk(255, 0, 0, 0), "cyan.jpg"), 8, 8))
        .satisfies(
            rgb -> {
              assertThat(rgb[0]).isLessThanOrEqualTo(3);
              assertThat(rgb[1]).isGreaterThanOrEqualTo(252);
              assertThat(rgb[2]).isGreaterThanOrEqualTo(252);
            });
    assertThat(rgbAt(JpegCodec.decode(adobeCmyk(0, 255, 255, 0), "red.jpg"), 8, 8))
        .satisfies(
            rgb -> {
              assertThat(rgb[0]).isGreaterThanOrEqualTo(252);
              assertThat(rgb[1]).isLessThanOrEqualTo(3);
              assertThat(rgb[2]).isLessThanOrEqualTo(3);
            });
    assertThat(
            Arrays.stream(rgbAt(JpegCodec.decode(adobeCmyk(0, 0, 0, 128), "grey.jpg"), 8, 8))
                .boxed())
        .allSatisfy(v -> assertThat(v).isBetween(124, 130));
  }

  /**
   * Adobe YCCK (APP14 transform 2), as libjpeg reads it: the ink C, M, Y stored as if they were R,
   * G, B in YCbCr, and K inverted like Adobe CMYK. No ink is YCbCr (0, 128, 128); cyan ink (255, 0,
   * 0) is YCbCr (76, 85, 255).
   */
  @Test
  void ycckJpegColoursAreKnownValues() throws IOException {
    assertThat(
            Arrays.stream(rgbAt(JpegCodec.decode(adobe(2, 0, 128, 128, 255), "white.jpg"), 8, 8))
                .boxed())
        .allSatisfy(v -> assertThat(v).isGreaterThanOrEqualTo(252));
    assertThat(rgbAt(JpegCodec.decode(adobe(2, 76, 85, 255, 255), "cyan.jpg"), 8, 8))
        .satisfies(
            rgb -> {
              assertThat(rgb[0]).isLessThanOrEqualTo(4);
              assertThat(rgb[1]).isGreaterThanOrEqualTo(250);
              assertThat(rgb[2]).isGreaterThanOrEqualTo(250);
            });
    assertThat(
            Arrays.stream(rgbAt(JpegCodec.decode(adobe(2, 0, 128, 128, 127), "grey.jpg"), 8, 8))
                .boxed())
        .allSatisfy(v -> assertThat(v).isBetween(123, 131));
  }

  private static byte[] adobeCmyk(int c, int m, int y, int k) throws IOException {
    return adobe(0, 255 - c, 255 - m, 255 - y, 255 - k);
  }

  /** A 16x16 uniform 4-component JPEG with an Adobe APP14 marker of the given colour transform. */
  private static byte[] adobe(int transform, int... components) throws IOException {
    WritableRaster raster = Raster.createInterleavedRaster(DataBuffer.TYPE_BYTE, 16, 16, 4, null);
    int[] ink = components;
    for (int py = 0; py < 16; py++) {
      for (int px = 0; px < 16; px++) {
        raster.setPixel(px, py, ink);
      }
    }
    ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
      writer.setOutput(stream);
      writer.write(null, new IIOImage(raster, null, null), null);
    } finally {
      writer.dispose();
    }
    byte[] plain = out.toByteArray();
    // APP14 "Adobe", version 100, flags 0/0, then the transform: 0 = the components are C, M, Y, K;
    // 2 = YCCK.
    byte[] app14 = {
      (byte) 0xFF, (byte) 0xEE, 0, 14, 'A', 'd', 'o', 'b', 'e', 0, 100, 0, 0, 0, 0, (byte) transform
    };
    ByteArrayOutputStream withMarker = new ByteArrayOutputStream();
    withMarker.write(plain, 0, 2);
    withMarker.write(app14);
    withMarker.write(plain, 2, plain.length - 2);
    return withMarker.toByteArray();
  }

  private static int sofOffset(byte[] jpeg) {
    for (int i = 2; i < jpeg.length - 1; i++) {
      if ((jpeg[i] & 0xFF) == 0xFF && (jpeg[i + 1] & 0xFF) == 0xC0) {
        return i;
      }
    }
    throw new AssertionError("no SOF0 marker");
  }

  private static void writeShort(byte[] bytes, int at, int value) {
    bytes[at] = (byte) (value >> 8);
    bytes[at + 1] = (byte) value;
  }

  private static long usedHeap() {
    Runtime rt = Runtime.getRuntime();
    return rt.totalMemory() - rt.freeMemory();
  }

  static int[] rgbAt(DecodedImage image, int x, int y) {
    int o = (y * image.width() + x) * 3;
    byte[] rgb = image.rgb();
    return new int[] {rgb[o] & 0xFF, rgb[o + 1] & 0xFF, rgb[o + 2] & 0xFF};
  }
}

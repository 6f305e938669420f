package dev.dawn.workloads.data;

/** A decoded 8-bit RGB image, rows top to bottom, pixels interleaved R,G,B (HWC). */
public record DecodedImage(int width, int height, byte[] rgb) {
  public DecodedImage {
    if (width < 1 || height < 1) {
      throw new IllegalArgumentException(
          "image size must be positive, got " + width + "x" + height);
    }
    if (rgb.length != width * height * 3) {
      throw new IllegalArgumentException(
          "rgb must hold width*height*3 = " + (width * height * 3) + " bytes, got " + rgb.length);
    }
  }

  public int byteSize() {
    return rgb.length;
  }
}

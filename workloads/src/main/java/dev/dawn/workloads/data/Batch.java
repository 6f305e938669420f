package dev.dawn.workloads.data;

/**
 * One mini-batch ready to feed: pixels normalised, NHWC, {@code size} images of {@code
 * resolution}x{@code resolution}x3. The arrays may be longer than needed (reused buffers); only the
 * first {@code size} images count.
 */
public record Batch(float[] pixels, int[] labels, int size, int resolution) {
  public static final int CHANNELS = 3;

  public int floatsPerImage() {
    return resolution * resolution * CHANNELS;
  }
}

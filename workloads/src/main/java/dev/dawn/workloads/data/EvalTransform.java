package dev.dawn.workloads.data;

/**
 * The evaluation transform of one image (resize the shorter side to resolution / cropFraction,
 * centre crop, normalise), exactly as {@link InputPipeline#evaluation} applies it, for callers that
 * time preprocessing per image: the DAWNBench latency protocol classifies one image at a time and
 * reports latency with and without it.
 */
public final class EvalTransform {
  private final int resolution;
  private final PipelineOptions options;

  public EvalTransform(int resolution, PipelineOptions options) {
    if (resolution < 1)
      throw new IllegalArgumentException("resolution must be >= 1, got " + resolution);
    this.resolution = resolution;
    this.options = options;
  }

  public int resolution() {
    return resolution;
  }

  /**
   * Writes the normalised NHWC pixels of {@code image} into {@code out} starting at {@code offset}.
   */
  public void apply(DecodedImage image, float[] out, int offset) {
    CropWindow window =
        CropWindow.center(image.width(), image.height(), resolution, options.evalCropFraction());
    BilinearResampler.resample(image, window, resolution, options.normalization(), out, offset);
  }

  /** A new array with the normalised pixels of one image. */
  public float[] apply(DecodedImage image) {
    float[] out = new float[resolution * resolution * Batch.CHANNELS];
    apply(image, out, 0);
    return out;
  }
}

package dev.dawn.workloads.data;

/**
 * Knobs of the {@link InputPipeline}. Scale is the crop's fraction of the image area, aspect its
 * width/height ratio (both as in torchvision's RandomResizedCrop); {@code evalCropFraction} is the
 * centre-crop share of the shorter side (0.875: resize to res/0.875, crop res). The cache holds
 * decoded images in memory when {@code cache} is ON, or AUTO and the estimated decoded size fits
 * {@code cacheBudgetBytes}.
 */
public record PipelineOptions(
    long seed,
    int workers,
    int prefetchDepth,
    CacheMode cache,
    long cacheBudgetBytes,
    double minScale,
    double maxScale,
    double minAspect,
    double maxAspect,
    boolean horizontalFlip,
    double evalCropFraction,
    Normalization normalization,
    boolean dropRemainder) {

  public enum CacheMode {
    AUTO,
    ON,
    OFF
  }

  /**
   * Training batches in an epoch over {@code images} images: whole batches only with {@code
   * dropRemainder}, else the last one partial.
   */
  public int batchesPerEpoch(int images, int batchSize) {
    return dropRemainder ? images / batchSize : (images + batchSize - 1) / batchSize;
  }

  public static final long DEFAULT_CACHE_BUDGET = 4L << 30;

  public PipelineOptions {
    if (workers < 1 || prefetchDepth < 1) {
      throw new IllegalArgumentException(
          "workers and prefetchDepth must be >= 1, got " + workers + " and " + prefetchDepth);
    }
    if (!(minScale > 0 && minScale <= maxScale && maxScale <= 1)) {
      throw new IllegalArgumentException(
          "need 0 < minScale <= maxScale <= 1, got " + minScale + ", " + maxScale);
    }
    if (!(minAspect > 0 && minAspect <= maxAspect)) {
      throw new IllegalArgumentException(
          "need 0 < minAspect <= maxAspect, got " + minAspect + ", " + maxAspect);
    }
    if (!(evalCropFraction > 0 && evalCropFraction <= 1)) {
      throw new IllegalArgumentException(
          "evalCropFraction must be in (0, 1], got " + evalCropFraction);
    }
    if (cacheBudgetBytes < 0) {
      throw new IllegalArgumentException("cacheBudgetBytes must be >= 0, got " + cacheBudgetBytes);
    }
  }

  /**
   * Scale (0.35, 1), aspect (3/4, 4/3), flip, 0.875 eval crop, ImageNet normalisation, 2 workers,
   * depth 4.
   */
  public static PipelineOptions defaults() {
    return new PipelineOptions(
        0L,
        2,
        4,
        CacheMode.AUTO,
        DEFAULT_CACHE_BUDGET,
        0.35,
        1.0,
        3.0 / 4,
        4.0 / 3,
        true,
        0.875,
        Normalization.imagenet(),
        true);
  }

  public PipelineOptions withSeed(long s) {
    return new PipelineOptions(
        s,
        workers,
        prefetchDepth,
        cache,
        cacheBudgetBytes,
        minScale,
        maxScale,
        minAspect,
        maxAspect,
        horizontalFlip,
        evalCropFraction,
        normalization,
        dropRemainder);
  }

  public PipelineOptions withWorkers(int w, int depth) {
    return new PipelineOptions(
        seed,
        w,
        depth,
        cache,
        cacheBudgetBytes,
        minScale,
        maxScale,
        minAspect,
        maxAspect,
        horizontalFlip,
        evalCropFraction,
        normalization,
        dropRemainder);
  }

  public PipelineOptions withCache(CacheMode mode, long budgetBytes) {
    return new PipelineOptions(
        seed,
        workers,
        prefetchDepth,
        mode,
        budgetBytes,
        minScale,
        maxScale,
        minAspect,
        maxAspect,
        horizontalFlip,
        evalCropFraction,
        normalization,
        dropRemainder);
  }

  public PipelineOptions withScale(double min, double max) {
    return new PipelineOptions(
        seed,
        workers,
        prefetchDepth,
        cache,
        cacheBudgetBytes,
        min,
        max,
        minAspect,
        maxAspect,
        horizontalFlip,
        evalCropFraction,
        normalization,
        dropRemainder);
  }

  PipelineOptions withNormalization(Normalization n) {
    return new PipelineOptions(
        seed,
        workers,
        prefetchDepth,
        cache,
        cacheBudgetBytes,
        minScale,
        maxScale,
        minAspect,
        maxAspect,
        horizontalFlip,
        evalCropFraction,
        n,
        dropRemainder);
  }

  PipelineOptions withDropRemainder(boolean drop) {
    return new PipelineOptions(
        seed,
        workers,
        prefetchDepth,
        cache,
        cacheBudgetBytes,
        minScale,
        maxScale,
        minAspect,
        maxAspect,
        horizontalFlip,
        evalCropFraction,
        normalization,
        drop);
  }
}

package dev.dawn.workloads.data;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Turns a list of labelled images into normalised NHWC float {@link Batch}es.
 *
 * <p>Training ({@link #epoch}): the order is shuffled from (seed, epoch); each image gets a random
 * resized crop (scale and aspect from {@link PipelineOptions}) and a random horizontal flip from
 * (seed, epoch, image), then a bilinear resize to the epoch's resolution. Evaluation ({@link
 * #evaluation}): file order, shorter side resized to resolution / evalCropFraction, centre crop.
 * Resolution and batch size are per call, for progressive resizing. Batches are built ahead on
 * {@code workers} background threads, at most {@code prefetchDepth} at a time, and are identical
 * whatever the worker count.
 *
 * <p>Decoded images are cached in memory when the cache is ON, or AUTO and the data set's estimated
 * decoded size fits the budget, so small sets are decoded once rather than every epoch.
 *
 * <p><b>Corrupt images</b> (any decode failure) are never fatal: the image is skipped, counted in
 * {@link #skippedImages()} with its id and the reason in {@link #skipped()}, and the decision is
 * taken once, at its first decode; later epochs leave it out of the shuffle. A batch in which a
 * corrupt image is first discovered is that much smaller ({@link Batch#size()} below the requested
 * batch size).
 *
 * <p><b>Sharding.</b> A pipeline given a {@link Shard} is one worker's view of the same plan: every
 * worker shuffles with the same seed, takes its contiguous slice of each global training batch and
 * every {@code count}-th evaluation batch, and decodes only those images. Its order keeps images
 * known to be corrupt (they leave a hole in the batch where found), because another worker cannot
 * know which ones this worker found, and the slices must stay disjoint.
 */
public final class InputPipeline implements AutoCloseable {
  private static final long SHUFFLE_STREAM = 1;
  private static final long AUGMENT_STREAM = 2;

  private final PipelineOptions options;
  private final DecodedImageStore store;
  private final ExecutorService executor;
  private final Shard shard;

  public InputPipeline(List<ImageSource> images, PipelineOptions options) {
    this(images, options, Shard.WHOLE);
  }

  /** One worker's part of every batch ({@link Shard}). */
  public InputPipeline(List<ImageSource> images, PipelineOptions options, Shard shard) {
    this.options = options;
    this.shard = shard;
    this.store = new DecodedImageStore(images, options.cache(), options.cacheBudgetBytes());
    AtomicInteger threadNumber = new AtomicInteger();
    this.executor =
        Executors.newFixedThreadPool(
            options.workers(),
            r -> {
              Thread t = new Thread(r, "dawn-input-" + threadNumber.incrementAndGet());
              t.setDaemon(true); // never keep the JVM alive because a stream was not closed
              return t;
            });
  }

  /**
   * Training batches of one epoch at {@code resolution} px. With {@code dropRemainder} (the
   * default) only full batches are yielded, so a split smaller than one batch yields none. {@code
   * batchSize} is the global batch: a sharded pipeline yields its {@link Shard#share} of each.
   */
  public BatchStream epoch(int epoch, int resolution, int batchSize) {
    return epoch(epoch, resolution, batchSize, 0);
  }

  /**
   * As {@link #epoch(int, int, int)} from batch {@code firstBatch} on, for a run that continues
   * within an epoch: the order is the epoch's (from the seed, the epoch and the images known to be
   * corrupt when it began, see {@link #remember}), and the batches before {@code firstBatch} are
   * not built.
   */
  public BatchStream epoch(int epoch, int resolution, int batchSize, int firstBatch) {
    checkShape(resolution, batchSize);
    int share = shard.share(batchSize);
    int[] order = shuffledOrder(epoch);
    int batches = options.batchesPerEpoch(order.length, batchSize);
    return new BatchStream(
        batches,
        firstBatch,
        b -> build(order, b * batchSize + shard.index() * share, share, resolution, epoch, true),
        executor,
        options.prefetchDepth());
  }

  /**
   * Marks images as found undecodable before (by the process a resumed run continues), without
   * decoding them: they are skipped and counted as if this pipeline had found them, in this order,
   * and later epochs leave them out of the shuffle. Ids this pipeline does not hold are ignored.
   */
  public void remember(List<SkippedImage> found) {
    store.remember(found);
  }

  /**
   * Evaluation batches over all images in source order; the last batch may be partial. A sharded
   * pipeline yields batches {@code index}, {@code index + count}, ... of that plan.
   */
  public BatchStream evaluation(int resolution, int batchSize) {
    checkShape(resolution, batchSize);
    int[] order = new int[store.size()];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    int all = ceilDiv(order.length, batchSize);
    int mine = all <= shard.index() ? 0 : ceilDiv(all - shard.index(), shard.count());
    return new BatchStream(
        mine,
        b ->
            build(
                order,
                (shard.index() + b * shard.count()) * batchSize,
                batchSize,
                resolution,
                0,
                false),
        executor,
        options.prefetchDepth());
  }

  /** Permutation of the images not yet known to be corrupt, from (seed, epoch) alone. */
  int[] shuffledOrder(int epoch) {
    int n = store.size();
    int[] perm = new int[n];
    for (int i = 0; i < n; i++) {
      perm[i] = i;
    }
    SplittableRandom rng =
        new SplittableRandom(SeedMixer.derive(options.seed(), SHUFFLE_STREAM, epoch));
    for (int i = n - 1; i > 0; i--) {
      int j = rng.nextInt(i + 1);
      int t = perm[i];
      perm[i] = perm[j];
      perm[j] = t;
    }
    if (!shard.isWhole()) {
      return perm;
    }
    List<Integer> kept = new ArrayList<>(n);
    for (int index : perm) {
      if (!store.knownCorrupt(index)) {
        kept.add(index);
      }
    }
    return kept.stream().mapToInt(Integer::intValue).toArray();
  }

  /** The batch of (up to) {@code batchSize} images from position {@code from} of {@code order}. */
  private Batch build(
      int[] order, int from, int batchSize, int resolution, int epoch, boolean train) {
    int to = Math.min(order.length, from + batchSize);
    int floatsPerImage = resolution * resolution * Batch.CHANNELS;
    float[] pixels = new float[batchSize * floatsPerImage];
    int[] labels = new int[batchSize];
    int size = 0;
    for (int k = from; k < to; k++) {
      int index = order[k];
      DecodedImage image = store.get(index);
      if (image == null) {
        continue;
      }
      CropWindow window =
          train
              ? CropWindow.randomResized(
                  image.width(),
                  image.height(),
                  options,
                  new SplittableRandom(
                      SeedMixer.derive(options.seed(), AUGMENT_STREAM, epoch, index)))
              : CropWindow.center(
                  image.width(), image.height(), resolution, options.evalCropFraction());
      BilinearResampler.resample(
          image, window, resolution, options.normalization(), pixels, size * floatsPerImage);
      labels[size] = store.source(index).label();
      size++;
    }
    return new Batch(pixels, labels, size, resolution);
  }

  private static void checkShape(int resolution, int batchSize) {
    if (resolution < 1 || batchSize < 1) {
      throw new IllegalArgumentException(
          "resolution and batchSize must be >= 1, got " + resolution + " and " + batchSize);
    }
  }

  private static int ceilDiv(int a, int b) {
    return (a + b - 1) / b;
  }

  public int imageCount() {
    return store.size();
  }

  boolean cachingDecodedImages() {
    return store.caching();
  }

  /** Images skipped so far because they could not be decoded. */
  public int skippedImages() {
    return store.skipped().size();
  }

  /** The images skipped so far, in the order they were found, each with the reason. */
  public List<SkippedImage> skipped() {
    return store.skipped();
  }

  public List<String> skippedIds() {
    return store.skipped().stream().map(SkippedImage::id).toList();
  }

  public PipelineOptions options() {
    return options;
  }

  public Shard shard() {
    return shard;
  }

  @Override
  public void close() {
    executor.shutdownNow();
  }
}

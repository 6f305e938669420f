package dev.dawn.workloads.data;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Decodes images on demand, optionally keeps them decoded in memory, and remembers which ones are
 * corrupt. An image whose decode fails once is marked corrupt for good (counted once, never decoded
 * again); {@link #get} then returns {@code null} so the caller skips it.
 */
final class DecodedImageStore {
  private static final int UNKNOWN = 0;
  private static final int OK = 1;
  private static final int CORRUPT = 2;
  private static final int SIZE_SAMPLES = 8;

  private final List<ImageSource> sources;
  private final AtomicIntegerArray state;
  private final AtomicReferenceArray<DecodedImage> cache;
  private final List<SkippedImage> skipped = new ArrayList<>();

  DecodedImageStore(List<ImageSource> sources, PipelineOptions.CacheMode mode, long budgetBytes) {
    this.sources = List.copyOf(sources);
    this.state = new AtomicIntegerArray(sources.size());
    boolean caching =
        switch (mode) {
          case ON -> true;
          case OFF -> false;
          case AUTO -> estimateDecodedBytes() <= budgetBytes;
        };
    this.cache = caching ? new AtomicReferenceArray<>(sources.size()) : null;
  }

  /**
   * Decoded size of the whole list extrapolated from a few evenly spaced images (decoding all of
   * ImageNet just to decide would defeat the purpose).
   */
  private long estimateDecodedBytes() {
    if (sources.isEmpty()) {
      return 0;
    }
    int samples = Math.min(SIZE_SAMPLES, sources.size());
    long bytes = 0;
    int decoded = 0;
    for (int s = 0; s < samples; s++) {
      int index = (int) ((long) s * sources.size() / samples);
      DecodedImage image = get(index);
      if (image != null) {
        bytes += image.byteSize();
        decoded++;
      }
    }
    return decoded == 0 ? 0 : bytes / decoded * sources.size();
  }

  boolean caching() {
    return cache != null;
  }

  int size() {
    return sources.size();
  }

  ImageSource source(int index) {
    return sources.get(index);
  }

  boolean knownCorrupt(int index) {
    return state.get(index) == CORRUPT;
  }

  /** The decoded image, or {@code null} when it is corrupt (now or at an earlier attempt). */
  DecodedImage get(int index) {
    if (state.get(index) == CORRUPT) {
      return null;
    }
    if (cache != null) {
      DecodedImage cached = cache.get(index);
      if (cached != null) {
        return cached;
      }
    }
    try {
      DecodedImage image = sources.get(index).decode();
      state.set(index, OK);
      if (cache != null) {
        cache.set(index, image);
      }
      return image;
    } catch (IOException | RuntimeException e) {
      if (state.getAndSet(index, CORRUPT) != CORRUPT) {
        synchronized (skipped) {
          skipped.add(SkippedImage.of(sources.get(index).id(), e));
        }
      }
      return null;
    }
  }

  /**
   * Marks {@code found} corrupt without decoding, as if found now, in order; unknown ids ignored.
   */
  void remember(List<SkippedImage> found) {
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < sources.size(); i++) index.put(sources.get(i).id(), i);
    for (SkippedImage s : found) {
      Integer i = index.get(s.id());
      if (i != null && state.getAndSet(i, CORRUPT) != CORRUPT) {
        synchronized (skipped) {
          skipped.add(s);
        }
      }
    }
  }

  /** The images found corrupt so far, in the order they were found. */
  List<SkippedImage> skipped() {
    synchronized (skipped) {
      return List.copyOf(skipped);
    }
  }
}

package dev.dawn.workloads.data;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** Test images that count their decodes, to show which images a pipeline actually read. */
final class CountingImages {
  private CountingImages() {}

  static List<ImageSource> counting(List<ImageSource> images, AtomicInteger decodes) {
    return images.stream().map(s -> (ImageSource) new Counted(s, decodes)).toList();
  }

  private record Counted(ImageSource source, AtomicInteger decodes) implements ImageSource {
    @Override
    public String id() {
      return source.id();
    }

    @Override
    public int label() {
      return source.label();
    }

    @Override
    public DecodedImage decode() throws IOException {
      decodes.incrementAndGet();
      return source.decode();
    }
  }
}

package dev.dawn.workloads.data;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Measures the input pipeline alone: training batches (32 px, batch 128) per second from the synthetic set, with
 * the decoded-image cache on and off. Run:
 * {@code java -cp workloads/target/classes dev.dawn.workloads.data.PipelineThroughput [root] [workers] [epochs]}.
 */
public final class PipelineThroughput {
  private PipelineThroughput() {
  }

  public static void main(String[] args) throws IOException {
    Path root = Path.of(args.length > 0 ? args[0] : "target/synthetic-default");
    int workers = args.length > 1 ? Integer.parseInt(args[1]) : Runtime.getRuntime().availableProcessors();
    int epochs = args.length > 2 ? Integer.parseInt(args[2]) : 2;
    SyntheticImageNet.GenerationResult g = SyntheticImageNet.generate(SyntheticSpec.defaults(), root);
    System.out.println((g.reused() ? "reused " : "generated ") + g.files() + " images in " + root);
    ImageDataset dataset = ImageNetFolderDataset.open(root);
    for (PipelineOptions.CacheMode mode : new PipelineOptions.CacheMode[] {PipelineOptions.CacheMode.ON,
        PipelineOptions.CacheMode.OFF}) {
      PipelineOptions options = PipelineOptions.defaults().withWorkers(workers, 2 * workers)
          .withCache(mode, PipelineOptions.DEFAULT_CACHE_BUDGET);
      try (InputPipeline pipeline = new InputPipeline(dataset.train(), options)) {
        // Epoch 0 warms the JIT and, with the cache on, fills it; later epochs are the steady state.
        double first = imagesPerSecond(pipeline, 0);
        double steady = 0;
        for (int e = 1; e <= epochs; e++) {
          steady += imagesPerSecond(pipeline, e) / epochs;
        }
        System.out.printf("cache %-3s workers %d: first epoch %.0f images/s, steady %.0f images/s%n", mode, workers,
            first, steady);
      }
    }
  }

  private static double imagesPerSecond(InputPipeline pipeline, int epoch) {
    long start = System.nanoTime();
    long images = 0;
    try (BatchStream stream = pipeline.epoch(epoch, 32, 128)) {
      while (stream.hasNext()) {
        images += stream.next().size();
      }
    }
    return images / ((System.nanoTime() - start) / 1e9);
  }
}

package dev.dawn.harness.train;

import dev.dawn.harness.config.TrainConfig;
import dev.dawn.workloads.data.Cifar10BinaryDataset;
import dev.dawn.workloads.data.ImageDataset;
import dev.dawn.workloads.data.ImageNetFolderDataset;
import dev.dawn.workloads.data.SyntheticImageNet;
import dev.dawn.workloads.data.SyntheticSpec;
import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * Turns {@code data:} of a config into a data set, generating the embedded synthetic set on first
 * use.
 */
public final class DatasetOpener {
  private DatasetOpener() {}

  public static ImageDataset open(TrainConfig.DataConfig data, Consumer<String> log)
      throws IOException {
    Path root = Path.of(data.path());
    return switch (data.kind()) {
      case SYNTHETIC -> {
        var s = data.synthetic();
        var spec =
            new SyntheticSpec(
                s.classes(),
                s.trainPerClass(),
                s.valPerClass(),
                s.imageSize(),
                s.seed(),
                s.preset());
        long start = System.nanoTime();
        var result = SyntheticImageNet.generate(spec, root);
        log.accept(
            result.reused()
                ? "synthetic data: reusing "
                    + root
                    + " ("
                    + result.files()
                    + " JPEGs, manifest matches)"
                : String.format(
                    "synthetic data: generated %d JPEGs in %s in %.1f s",
                    result.files(), root, (System.nanoTime() - start) / 1e9));
        yield ImageNetFolderDataset.open(root, log);
      }
      case IMAGENET -> ImageNetFolderDataset.open(root, log);
      case CIFAR10 -> Cifar10BinaryDataset.open(root);
    };
  }
}

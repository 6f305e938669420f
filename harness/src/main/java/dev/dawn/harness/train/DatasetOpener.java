package dev.dawn.harness.train;

import dev.dawn.harness.config.TrainConfig;
import dev.dawn.workloads.data.Cifar10BinaryDataset;
import dev.dawn.workloads.data.ImageDataset;
import dev.dawn.workloads.data.ImageNetFolderDataset;
import dev.dawn.workloads.data.SyntheticImageNet;
import dev.dawn.workloads.data.SyntheticSpec;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.function.Consumer;

/**
 * Turns {@code data:} of a config into a data set, generating the embedded synthetic set on first
 * use (under a lock file beside its folder, {@code <folder>.lock}, so that processes started
 * together generate it once).
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
        SyntheticImageNet.GenerationResult result;
        // Workers started together on one machine share the folder: one generates, the others
        // wait for it and reuse the set.
        Path lock = root.toAbsolutePath().resolveSibling(root.getFileName() + ".lock");
        Files.createDirectories(lock.getParent());
        try (FileChannel channel =
                FileChannel.open(lock, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock held = channel.lock()) {
          result = SyntheticImageNet.generate(spec, root);
        }
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

package dev.dawn.harness.cli;

import dev.dawn.workloads.data.SyntheticImageNet;
import dev.dawn.workloads.data.SyntheticPreset;
import dev.dawn.workloads.data.SyntheticSpec;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
    name = "data",
    mixinStandardHelpOptions = true,
    description = "Prepare data sets.",
    subcommands = DataCommand.Synthetic.class)
final class DataCommand implements Runnable {
  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  @Command(
      name = "synthetic",
      mixinStandardHelpOptions = true,
      description = {
        "Write the embedded synthetic data set: real JPEGs in ImageNet's folder layout "
            + "(train/<wnid>/<wnid>_<n>.JPEG, val/<wnid>/..., synsets.txt), deterministic from the seed. "
            + "Each class is an object shape x texture drawn at random position, scale and rotation over clutter; "
            + "colours are shared by all classes. A folder whose manifest.json matches is reused, not rewritten."
      })
  static final class Synthetic implements Callable<Integer> {
    @Option(
        names = "--classes",
        defaultValue = "100",
        description = "Number of classes (default ${DEFAULT-VALUE}).")
    int classes;

    @Option(
        names = "--train-per-class",
        defaultValue = "260",
        description = "Training images per class (default ${DEFAULT-VALUE}).")
    int trainPerClass;

    @Option(
        names = "--val-per-class",
        defaultValue = "50",
        description = "Validation images per class (default ${DEFAULT-VALUE}).")
    int valPerClass;

    @Option(
        names = "--image-size",
        defaultValue = "40",
        description = "Side of the stored JPEGs in px (default ${DEFAULT-VALUE}).")
    int imageSize;

    @Option(
        names = "--seed",
        defaultValue = "2019",
        description = "Generator seed (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(
        names = "--preset",
        defaultValue = "standard",
        description =
            "How hard the images are: standard (the original set) or hard (smaller objects, weaker "
                + "texture contrast, look-alike distractors, occluding bars; default ${DEFAULT-VALUE}).")
    String preset;

    @Option(
        names = {"-o", "--out"},
        defaultValue = "results/cache/synthetic-100",
        description = "Output folder (default ${DEFAULT-VALUE}).")
    Path out;

    @Override
    public Integer call() throws Exception {
      final SyntheticPreset chosen;
      try {
        chosen = SyntheticPreset.fromConfigName(preset);
      } catch (IllegalArgumentException e) {
        throw new BadInputException("--" + e.getMessage());
      }
      final SyntheticSpec spec;
      try {
        spec = new SyntheticSpec(classes, trainPerClass, valPerClass, imageSize, seed, chosen);
      } catch (IllegalArgumentException e) {
        throw new BadInputException(e.getMessage());
      }
      long start = System.nanoTime();
      var result = SyntheticImageNet.generate(spec, out);
      System.out.printf(
          "%s %d JPEGs in %s (%.1f s)%n",
          result.reused() ? "reused" : "generated",
          result.files(),
          result.root(),
          (System.nanoTime() - start) / 1e9);
      return 0;
    }
  }
}

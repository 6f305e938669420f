package dev.dawn.harness.cli;

import dev.dawn.harness.train.DatasetOpener;
import dev.dawn.workloads.data.LinearBaseline;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "baseline",
    mixinStandardHelpOptions = true,
    description = {
      "Train a linear classifier (softmax regression) on raw pixels of a config's data set and print its "
          + "top-1/top-5 on the validation split: the 'simple statistics' control. A data set that a linear model already "
          + "solves does not measure what a CNN time-to-accuracy benchmark should."
    })
final class BaselineCommand implements Callable<Integer> {
  @Option(
      names = {"-c", "--config"},
      required = true,
      paramLabel = "FILE",
      description = "YAML training config (its data: section is used).")
  Path config;

  @Mixin ConfigLayerOptions layers;

  @Option(
      names = "--epochs",
      defaultValue = "10",
      description = "Passes over the training split (default ${DEFAULT-VALUE}).")
  int epochs;

  @Option(
      names = "--learning-rate",
      defaultValue = "0.001",
      description = "Adam step size (default ${DEFAULT-VALUE}).")
  double learningRate;

  @Override
  public Integer call() throws Exception {
    var cfg = layers.load(config).config();
    var dataset = DatasetOpener.open(cfg.data(), System.out::println);
    var r =
        new LinearBaseline(
                cfg.train().evalResolution(), epochs, learningRate, 1e-4, cfg.train().seed())
            .run(dataset);
    System.out.printf(
        Locale.ROOT,
        "linear classifier on raw %d px pixels, %d classes, %d epochs (%d train / %d val images)%n",
        cfg.train().evalResolution(),
        r.classes(),
        r.epochs(),
        r.trainImages(),
        r.valImages());
    System.out.printf(
        Locale.ROOT,
        "train top-1 %.2f%%  top-5 %.2f%%%n",
        100 * r.trainTop1(),
        100 * r.trainTop5());
    System.out.printf(
        Locale.ROOT, "val   top-1 %.2f%%  top-5 %.2f%%%n", 100 * r.valTop1(), 100 * r.valTop5());
    return 0;
  }
}

package dev.dawn.harness.cli;

import dev.dawn.harness.config.ConfigLoader;
import dev.dawn.harness.train.DatasetOpener;
import dev.dawn.harness.train.FeedRateProbe;
import dev.dawn.harness.train.TrainingParts;
import dev.dawn.workloads.data.InputPipeline;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "throughput", mixinStandardHelpOptions = true,
    description = {"Measure, side by side in one run, the training images/s of a config three ways: " +
        "the input pipeline alone, the model on a batch already in memory, and the model fed by the pipeline. " +
        "The fed / in-memory ratio says whether the harness keeps the model busy (goal >= 0.9). " +
        "Rounds alternate the modes so that machine noise affects all of them alike; medians are printed."})
final class ThroughputCommand implements Callable<Integer> {
  @Option(names = {"-c", "--config"}, required = true, paramLabel = "FILE", description = "YAML training config.")
  Path config;

  @Option(names = "--scale", paramLabel = "NAME",
      description = "Lay the config's scales.NAME over it, e.g. --scale cpu for the scaled form of a reference recipe.")
  String scale;

  @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Override a config key (repeatable).")
  List<String> overrides = new ArrayList<>();

  @Option(names = "--rounds", defaultValue = "3", description = "Rounds of the three measurements (default ${DEFAULT-VALUE}).")
  int rounds;

  @Option(names = "--steps", defaultValue = "30", description = "Training steps per measurement (default ${DEFAULT-VALUE}).")
  int steps;

  @Option(names = "--warmup", defaultValue = "10", description = "Untimed warm-up steps (default ${DEFAULT-VALUE}).")
  int warmup;

  @Override
  public Integer call() throws Exception {
    var loaded = new ConfigLoader().load(config, scale, overrides);
    var cfg = loaded.config();
    var dataset = DatasetOpener.open(cfg.data(), System.out::println);
    int classes = dataset.classNames().size();
    try (var session = TrainingParts.session(cfg, classes);
        var pipeline = new InputPipeline(dataset.train(), TrainingParts.pipelineOptions(cfg))) {
      var r = new FeedRateProbe(cfg).measure(session, pipeline, rounds, steps, warmup);
      System.out.printf(Locale.ROOT, "model %s width %.3g, batch %d, %d px, threads intra=%d inter=%d, pipeline workers %d%n",
          cfg.model().architecture(), cfg.model().width(), r.batchSize(), r.resolution(), cfg.threads().intraOp(),
          cfg.threads().interOp(), cfg.data().workers());
      System.out.printf(Locale.ROOT, "pipeline alone:        %8.1f images/s%n", r.pipelineOnly());
      System.out.printf(Locale.ROOT, "model, batch in memory: %7.1f images/s%n", r.inMemory());
      System.out.printf(Locale.ROOT, "model fed by pipeline:  %7.1f images/s%n", r.fed());
      System.out.printf(Locale.ROOT, "feed ratio (fed / in memory): %.3f  (%d rounds x %d steps, medians)%n",
          r.feedRatio(), r.rounds(), r.stepsPerRound());
    }
    return 0;
  }
}

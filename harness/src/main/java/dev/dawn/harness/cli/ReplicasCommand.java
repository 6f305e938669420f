package dev.dawn.harness.cli;

import dev.dawn.harness.config.ConfigLoader;
import dev.dawn.harness.config.TrainConfig;
import dev.dawn.harness.train.DatasetOpener;
import dev.dawn.harness.train.ReplicaThroughput;
import dev.dawn.harness.train.TrainingParts;
import dev.dawn.workloads.data.Batch;
import dev.dawn.workloads.data.InputPipeline;
import dev.dawn.workloads.training.ProcessThreadPools;
import dev.dawn.workloads.training.TrainingSession;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "replicas",
    mixinStandardHelpOptions = true,
    description = {
      "Compare data-parallel settings of a config on one machine: one training session per replica count x "
          + "gradient-fusion threshold (a single replica has no threshold), each timed on the same global batch in "
          + "memory, visited in turn every round so that machine noise affects all cells alike; prints images/s, "
          + "all-reduce buckets and bytes per step per cell (medians).",
      "The same settings as config keys: --set distributed.replicas=2 --set distributed.fusion.thresholdBytes=262144."
    })
final class ReplicasCommand implements Callable<Integer> {
  @Option(
      names = {"-c", "--config"},
      required = true,
      paramLabel = "FILE",
      description = "YAML training config.")
  Path config;

  @Mixin ConfigLayerOptions layers;

  @Option(
      names = "--replicas",
      split = ",",
      paramLabel = "N",
      description =
          "Data-parallel replica counts to compare, e.g. 1,2 (default: distributed.replicas of the config). "
              + "train.batchSize stays the global batch and must divide by each.")
  List<Integer> replicas = new ArrayList<>();

  @Option(
      names = "--fusion-threshold",
      split = ",",
      paramLabel = "BYTES",
      description =
          "Fusion thresholds in bytes to compare for every replica count > 1, e.g. 0,262144,67108864 "
              + "(0 = one all-reduce per gradient tensor; default: distributed.fusion.thresholdBytes of the config).")
  List<Long> thresholds = new ArrayList<>();

  @Option(
      names = "--rounds",
      defaultValue = "3",
      description = "Rounds over every cell (default ${DEFAULT-VALUE}).")
  int rounds;

  @Option(
      names = "--steps",
      defaultValue = "30",
      description = "Training steps per cell and round (default ${DEFAULT-VALUE}).")
  int steps;

  @Option(
      names = "--warmup",
      defaultValue = "10",
      description = "Untimed warm-up steps (default ${DEFAULT-VALUE}).")
  int warmup;

  @Override
  public Integer call() throws Exception {
    for (int n : replicas) {
      if (n < 1) throw new BadInputException("--replicas: every count must be >= 1, got " + n);
    }
    for (long t : thresholds) {
      if (t < 0)
        throw new BadInputException(
            "--fusion-threshold: every threshold must be >= 0 bytes, got " + t);
    }
    var base = layers.load(config).config();
    List<Integer> counts = replicas.isEmpty() ? List.of(base.distributed().replicas()) : replicas;
    List<Long> sizes =
        thresholds.isEmpty() ? List.of(base.distributed().fusion().thresholdBytes()) : thresholds;
    List<TrainConfig> cells = new ArrayList<>();
    for (int n : counts) {
      for (long t : n == 1 ? List.of(sizes.get(0)) : sizes) {
        List<String> cellOverrides = new ArrayList<>(layers.overrides);
        cellOverrides.add("distributed.replicas=" + n);
        cellOverrides.add("distributed.fusion.thresholdBytes=" + t);
        cells.add(new ConfigLoader().load(config, layers.scale, cellOverrides).config());
      }
    }
    var dataset = DatasetOpener.open(base.data(), System.out::println);
    int classes = dataset.classNames().size();
    int batchSize = base.train().batchSize() / base.train().accumulationSteps();
    Batch batch;
    try (var pipeline = new InputPipeline(dataset.train(), TrainingParts.pipelineOptions(base));
        var stream = pipeline.epoch(0, base.train().resolution(), batchSize)) {
      batch = stream.next();
      batch =
          new Batch(
              batch.pixels().clone(), batch.labels().clone(), batch.size(), batch.resolution());
    }
    List<TrainingSession> sessions = new ArrayList<>();
    try {
      for (var cell : cells) sessions.add(TrainingParts.session(cell, classes));
      var threads = ProcessThreadPools.claim(TrainingParts.threads(base));
      var results =
          ReplicaThroughput.measure(
              sessions,
              batch,
              rounds,
              steps,
              warmup,
              (float) (base.optimizer().learningRate() * 0.01),
              (float) base.optimizer().momentum());
      System.out.printf(
          Locale.ROOT,
          "model %s width %.3g, global batch %d, %d px, threads intra=%d inter=%d (shared by"
              + " all replicas), batch in memory, %d rounds x %d steps, medians%n",
          base.model().architecture(),
          base.model().width(),
          batchSize,
          base.train().resolution(),
          threads.intraOp(),
          threads.interOp(),
          rounds,
          steps);
      System.out.printf(
          Locale.ROOT,
          "%8s %16s %8s %16s %12s%n",
          "replicas",
          "threshold_bytes",
          "buckets",
          "bytes_per_step",
          "images/s");
      for (var c : results) {
        System.out.printf(
            Locale.ROOT,
            "%8d %16s %8d %16d %12.1f%n",
            c.replicas(),
            c.replicas() == 1 ? "-" : Long.toString(c.thresholdBytes()),
            c.buckets(),
            c.bytesPerStep(),
            c.imagesPerSecond());
      }
    } finally {
      sessions.forEach(TrainingSession::close);
    }
    return 0;
  }
}

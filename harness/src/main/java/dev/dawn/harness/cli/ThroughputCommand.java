package dev.dawn.harness.cli;

import dev.dawn.harness.config.TrainConfig;
import dev.dawn.harness.numerics.GateDecision;
import dev.dawn.harness.run.MachineEnvironment;
import dev.dawn.harness.run.TracedOpsEvent;
import dev.dawn.harness.train.DatasetOpener;
import dev.dawn.harness.train.FeedRateProbe;
import dev.dawn.harness.train.TrainingParts;
import dev.dawn.reporters.events.EventLog;
import dev.dawn.reporters.profile.ProfileExporter;
import dev.dawn.reporters.run.RunFolder;
import dev.dawn.workloads.data.BatchStream;
import dev.dawn.workloads.data.InputPipeline;
import dev.dawn.workloads.profile.TracedOps;
import dev.dawn.workloads.training.TrainingSession;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.tensorflow.TensorFlow;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "throughput",
    mixinStandardHelpOptions = true,
    description = {
      "Measure, side by side in one run, the training images/s of a config three ways: "
          + "the input pipeline alone, the model on a batch already in memory, and the model fed by the pipeline. "
          + "The fed / in-memory ratio says whether the harness keeps the model busy (goal >= 0.9). "
          + "Rounds alternate the modes so that machine noise affects all of them alike; medians are printed.",
      "To compare data-parallel settings (replicas x fusion threshold) use 'dawn replicas'."
    })
final class ThroughputCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  private GateDecision numerics;

  @Option(
      names = {"-c", "--config"},
      required = true,
      paramLabel = "FILE",
      description = "YAML training config.")
  Path config;

  @Mixin ConfigLayerOptions layers;

  @Option(
      names = "--rounds",
      defaultValue = "3",
      description = "Rounds of the three measurements (default ${DEFAULT-VALUE}).")
  int rounds;

  @Option(
      names = "--steps",
      defaultValue = "30",
      description = "Training steps per measurement (default ${DEFAULT-VALUE}).")
  int steps;

  @Option(
      names = "--warmup",
      defaultValue = "10",
      description = "Untimed warm-up steps (default ${DEFAULT-VALUE}).")
  int warmup;

  @Option(
      names = "--profile",
      paramLabel = "STEPS",
      arity = "0..1",
      fallbackValue = "10",
      defaultValue = "0",
      description = {
        "After the measurements, trace STEPS training steps on the in-memory batch (TensorFlow FULL_TRACE)",
        "and write profile.csv (per op: type, device, calls, total and mean us, share of the summed op time) and",
        "profile-by-op-type.png/.svg into a new folder under <results>/profiles/runs. --profile alone traces 10 steps."
      })
  int profileSteps;

  @Option(
      names = "--results",
      defaultValue = "results",
      description =
          "With --profile: where the profile folder goes (default ${DEFAULT-VALUE}/profiles/runs/...).")
  Path results;

  @Override
  public Integer call() throws Exception {
    if (profileSteps < 0)
      throw new BadInputException("--profile STEPS must be >= 1, got " + profileSteps);
    var gate =
        TrainingPrecisionGate.check(
            spec, results, layers.load(config).config().train().precision());
    if (gate.rerunStatus().isPresent()) {
      return gate.rerunStatus().getAsInt();
    }
    numerics = gate.decision();
    var loaded = layers.load(config);
    var cfg = loaded.config();
    var dataset = DatasetOpener.open(cfg.data(), System.out::println);
    int classes = dataset.classNames().size();
    try (var session = TrainingParts.session(cfg, classes);
        var pipeline = new InputPipeline(dataset.train(), TrainingParts.pipelineOptions(cfg))) {
      var r = new FeedRateProbe(cfg).measure(session, pipeline, rounds, steps, warmup);
      System.out.printf(
          Locale.ROOT,
          "model %s width %.3g, batch %d, %d px, threads intra=%d inter=%d, pipeline workers %d%n",
          cfg.model().architecture(),
          cfg.model().width(),
          r.batchSize(),
          r.resolution(),
          cfg.threads().intraOp(),
          cfg.threads().interOp(),
          cfg.data().workers());
      System.out.printf(Locale.ROOT, "pipeline alone:        %8.1f images/s%n", r.pipelineOnly());
      System.out.printf(Locale.ROOT, "model, batch in memory: %7.1f images/s%n", r.inMemory());
      System.out.printf(Locale.ROOT, "model fed by pipeline:  %7.1f images/s%n", r.fed());
      System.out.printf(
          Locale.ROOT,
          "feed ratio (fed / in memory): %.3f  (%d rounds x %d steps, medians)%n",
          r.feedRatio(),
          r.rounds(),
          r.stepsPerRound());
      if (profileSteps > 0) {
        Path dir = writeProfile(session, pipeline, cfg, r);
        System.out.println(
            "op profile of "
                + profileSteps
                + " training steps: "
                + dir.resolve(ProfileExporter.CSV));
      }
    }
    return 0;
  }

  /**
   * A folder with events.jsonl (the op_profile event), environment.json, profile.csv and the chart.
   */
  private Path writeProfile(
      TrainingSession session, InputPipeline pipeline, TrainConfig cfg, FeedRateProbe.Result r)
      throws java.io.IOException {
    TracedOps profile;
    try (BatchStream batches = pipeline.epoch(0, r.resolution(), r.batchSize())) {
      profile =
          session
              .profiler()
              .trainSteps(
                  batches.next(),
                  (float) (cfg.optimizer().learningRate() * 0.01),
                  (float) cfg.optimizer().momentum(),
                  profileSteps);
    }
    RunFolder folder =
        RunFolder.create(
            results.resolve("profiles"),
            "throughput-" + cfg.model().architecture(),
            LocalDateTime.now());
    Map<String, Object> environment =
        MachineEnvironment.describe(
            TensorFlow.version(),
            cfg.threads().intraOp(),
            cfg.threads().interOp(),
            Map.of("train", cfg.train().seed()));
    environment.put("numerics", numerics.record());
    MachineEnvironment.write(folder.environment(), environment);
    try (EventLog events = EventLog.append(folder.events())) {
      events.write(TracedOpsEvent.of(profile));
    }
    ProfileExporter.export(folder.dir());
    return folder.dir();
  }
}

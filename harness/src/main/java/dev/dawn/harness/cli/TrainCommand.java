package dev.dawn.harness.cli;

import dev.dawn.harness.cluster.ClusterConfigLoader;
import dev.dawn.harness.cluster.TfConfig;
import dev.dawn.harness.train.ProgressLine;
import dev.dawn.harness.train.TrainingRunner;
import dev.dawn.reporters.events.EventLogReader;
import dev.dawn.reporters.events.ImageSkipped;
import dev.dawn.reporters.leaderboard.LeaderboardFigures;
import dev.dawn.reporters.record.EvaluationPoint;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "train",
    mixinStandardHelpOptions = true,
    description = {
      "Train a model until it reaches the target accuracy (DAWNBench time-to-accuracy) and write a run folder: "
          + "events.jsonl (the append-only log everything is derived from), config.yaml, environment.json, "
          + "the DAWNBench training TSV and JSON, metrics.csv and accuracy.png.",
      "",
      "The validation split is evaluated after every epoch, or N times per epoch with --set train.evalEveryEpochs=1/N "
          + "(e.g. 0.25); evaluation is off the training clock, and time to target is the training clock at the first "
          + "evaluation that reaches the target.",
      "",
      "Exit status: 0 target reached, 3 epoch budget spent below the target, 4 loss diverged (NaN/Inf), "
          + "2 bad input (config, data set), 1 other failure, 130 Ctrl-C (SIGINT), 143 SIGTERM: both write run_stop "
          + "(status interrupted / killed) and keep the finished epochs' files.",
      "",
      "Checkpoints: every train.checkpointEveryEpochs epochs (default 1), when training ends and (one process) at "
          + "SIGTERM or Ctrl-C after the last completed step, the run's whole "
          + "training state (weights, BN statistics, optimizer slots, loss-scale state, global step) is written as a "
          + "TensorFlow checkpoint to <run folder>/checkpoints/ckpt-<step>/ (variables.index + .data-00000-of-00001, "
          + "readable by Python TensorFlow's load_checkpoint), beside training-state.json (epoch, clock, data order); the newest "
          + "train.keepCheckpoints stay. 'dawn train --resume RUN' continues a stopped (killed, interrupted, failed) run "
          + "from its newest whole checkpoint in the same folder and log: epochs begun after it are trained again, the "
          + "training clock continues from it. It refuses (exit 2) when the config, the data set, the worker count or "
          + "the dawn build differ from the checkpoint's.",
      "",
      "Several workers (data-parallel over gRPC): set distributed.workers and distributed.taskIndex, or the "
          + "environment variable TF_CONFIG={\"cluster\": {\"worker\": [\"host:port\", ...]}, \"task\": {\"type\": "
          + "\"worker\", \"index\": i}} (as Kubeflow's TFJob sets it), and start one 'dawn train' per worker with the "
          + "same config; task 0 is the chief. 'dawn launch --workers N' does this on one machine. A worker's "
          + "TensorFlow server runs any op for anyone who reaches its port, at every address of its host: before "
          + "starting it, a worker prints those addresses and refuses a public one unless "
          + "distributed.allowPublicAddresses is true (firewall the port to the cluster first; see "
          + "docs/securing-workers.md)."
    },
    footer = {
      "",
      "Example:",
      "  bin/dawn train --config reference-configs/cpu-synthetic-resnet9.yaml --set train.batchSize=64"
    })
final class TrainCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = {"-c", "--config"},
      paramLabel = "FILE",
      description = "YAML training config, at most 1 MiB (see reference-configs/ and 'dawn keys').")
  Path config;

  @Mixin ConfigLayerOptions layers;

  @Option(
      names = "--results",
      paramLabel = "DIR",
      defaultValue = "results",
      description =
          "Where run folders go (DIR/runs/<timestamp>-<name>/). Default: ${DEFAULT-VALUE}.")
  Path results;

  @Option(
      names = "--run-folder",
      paramLabel = "DIR",
      description =
          "Use this run folder (created if missing; it must not hold a run yet) instead of a new "
              + "<results>/runs/<timestamp>-<name>/; dawn launch passes the same one to every worker. In a "
              + "cluster the chief (task 0) writes DIR and worker i writes DIR/workers/<i>/.")
  Path runFolder;

  @Option(
      names = "--resume",
      paramLabel = "RUN",
      description =
          "Continue the stopped run in folder RUN from its newest whole checkpoint (RUN/checkpoints/), with "
              + "RUN/config.yaml; no --config, --scale or --set. In a cluster every worker is given the chief's "
              + "folder (as --resume RUN, TF_CONFIG as before; 'dawn launch --resume RUN' does this).")
  Path resume;

  @Override
  public Integer call() throws Exception {
    var tfConfig = TfConfig.fromEnvironment();
    if (resume != null) {
      if (config != null || layers.scale != null || !layers.overrides.isEmpty()) {
        throw new BadInputException(
            "--resume "
                + resume
                + ": the run's own config.yaml is used; drop --config, --scale and --set");
      }
      if (runFolder != null
          && !runFolder.toAbsolutePath().normalize().equals(resume.toAbsolutePath().normalize())) {
        throw new BadInputException(
            "--resume " + resume + " and --run-folder " + runFolder + " name different folders");
      }
      config = ResumedConfig.file(resume);
      // the cluster's addresses may change between launches (TF_CONFIG names them)
      layers.overrides = ResumedConfig.overrides();
      runFolder = null;
    } else if (config == null) {
      throw new BadInputException("give --config FILE (a new run) or --resume RUN (a stopped one)");
    }
    var loaded =
        ClusterConfigLoader.load(
            config, layers.scale, layers.overrides, tfConfig, System.out::println);
    ResultsFolder.requireWritable(results);
    var numerics = TrainingPrecisionGate.check(spec, results, loaded.config().train().precision());
    if (numerics.rerunStatus().isPresent()) {
      return numerics.rerunStatus().getAsInt();
    }
    var progress = ProgressLine.forStdout(loaded.config().train().logEverySteps());
    var outcome =
        new TrainingRunner(loaded, results, progress, runFolder, numerics.decision().record())
            .resuming(resume)
            .run();
    skippedImages(outcome.folder().events()).ifPresent(progress::message);
    int task = loaded.config().distributed().taskIndex();
    if (task > 0) {
      // a worker's log holds its throughput only; the chief reports the run
      progress.message(
          "worker task "
              + task
              + " ended with status "
              + outcome.status().word()
              + "; the chief (task 0) holds the run's results. Worker log: "
              + outcome.folder().dir());
      return outcome.status().exitCode();
    }
    var record = outcome.record();
    var target = record.targetEvaluation();
    String metric = loaded.config().train().targetMetric().configName();
    if (target.isPresent()) {
      EvaluationPoint e = target.get();
      progress.message(
          String.format(
              Locale.ROOT,
              "time to %s >= %.1f%%: %s (%.6f hours of training, epoch %s; evaluation excluded)",
              metric,
              loaded.config().train().targetAccuracy(),
              LeaderboardFigures.duration(e.hours()),
              e.hours(),
              EvaluationPoint.epochLabel(e.epoch())));
    } else {
      progress.message(
          "target "
              + metric
              + " >= "
              + loaded.config().train().targetAccuracy()
              + "% not reached: status "
              + outcome.status().word());
    }
    progress.message("run folder: " + outcome.folder().dir());
    return outcome.status().exitCode();
  }

  /**
   * The run summary's count of undecodable images left out, by split, when there were any; each is
   * named with its reason in the event log.
   */
  private static java.util.Optional<String> skippedImages(Path events) {
    List<ImageSkipped> skipped = ImageSkipped.KIND.in(EventLogReader.read(events));
    if (skipped.isEmpty()) return java.util.Optional.empty();
    java.util.Map<String, Long> bySplit = new java.util.TreeMap<>();
    for (ImageSkipped s : skipped) bySplit.merge(s.split(), 1L, Long::sum);
    return java.util.Optional.of(
        skipped.size()
            + " undecodable image"
            + (skipped.size() == 1 ? "" : "s")
            + " skipped ("
            + bySplit.toString().replaceAll("[{}]", "").replace("=", " ")
            + "), each named with its reason in "
            + events
            + " ("
            + ImageSkipped.KIND.key()
            + ")");
  }
}

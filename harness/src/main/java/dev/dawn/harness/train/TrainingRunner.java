package dev.dawn.harness.train;

import dev.dawn.harness.checkpoint.CheckpointWriter;
import dev.dawn.harness.checkpoint.EpochProgress;
import dev.dawn.harness.checkpoint.ResumePoint;
import dev.dawn.harness.checkpoint.ResumeRefusedException;
import dev.dawn.harness.checkpoint.RunCheckpoints;
import dev.dawn.harness.checkpoint.RunIdentity;
import dev.dawn.harness.checkpoint.SkippedSoFar;
import dev.dawn.harness.checkpoint.TrainingPosition;
import dev.dawn.harness.checkpoint.TrainingState;
import dev.dawn.harness.cluster.ClusterRun;
import dev.dawn.harness.cluster.ConfigFingerprint;
import dev.dawn.harness.cluster.LostWorkerException;
import dev.dawn.harness.cluster.WorkerFolders;
import dev.dawn.harness.config.ConfigLoader;
import dev.dawn.harness.config.TargetMetric;
import dev.dawn.harness.config.TrainConfig;
import dev.dawn.harness.run.DawnBuild;
import dev.dawn.harness.run.MachineEnvironment;
import dev.dawn.harness.tensorboard.TensorBoardFile;
import dev.dawn.reporters.dawnbench.DawnbenchTask;
import dev.dawn.reporters.events.CacheClear;
import dev.dawn.reporters.events.CheckpointSaved;
import dev.dawn.reporters.events.DawnbenchEntryFields;
import dev.dawn.reporters.events.EpochStart;
import dev.dawn.reporters.events.EpochStop;
import dev.dawn.reporters.events.EvalAccuracy;
import dev.dawn.reporters.events.EvalStart;
import dev.dawn.reporters.events.EvalStop;
import dev.dawn.reporters.events.EventLog;
import dev.dawn.reporters.events.EventLogReader;
import dev.dawn.reporters.events.Hyperparameter;
import dev.dawn.reporters.events.InitialAccuracy;
import dev.dawn.reporters.events.MlLogKeys;
import dev.dawn.reporters.events.RunStatus;
import dev.dawn.reporters.events.TrainStep;
import dev.dawn.reporters.record.EvaluationPoint;
import dev.dawn.reporters.record.RunRecord;
import dev.dawn.reporters.run.RunExporter;
import dev.dawn.reporters.run.RunFolder;
import dev.dawn.workloads.data.Batch;
import dev.dawn.workloads.data.BatchStream;
import dev.dawn.workloads.data.ImageDataset;
import dev.dawn.workloads.data.InputPipeline;
import dev.dawn.workloads.data.PipelineOptions;
import dev.dawn.workloads.data.SkippedImage;
import dev.dawn.workloads.distributed.WorkerLostException;
import dev.dawn.workloads.training.EvalCounts;
import dev.dawn.workloads.training.Evaluation;
import dev.dawn.workloads.training.ProcessThreadPools;
import dev.dawn.workloads.training.ThreadSettings;
import dev.dawn.workloads.training.TrainingSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.tensorflow.TensorFlow;

/**
 * Trains a model to the target accuracy and records everything in the run's append-only event log:
 * config -> run -> events.jsonl -> (TSV, JSON, CSV, chart by {@link RunExporter}). Evaluation runs
 * over the whole validation split where {@link EvaluationSchedule} says (after every epoch by
 * default) and is excluded from the training clock, as DAWNBench allows. The log follows MLPerf
 * Training's logging rules ({@link RunLifecycle}): data, cluster and graph are prepared between
 * {@code init_start} and {@code init_stop}, with the submission and hyperparameter lines; {@code
 * run_start} follows before the data is touched.
 *
 * <p>Every {@code train.checkpointEveryEpochs} epochs and when training ends, the chief writes a
 * TensorFlow checkpoint of the whole training state ({@link CheckpointWriter}), off the training
 * clock, and every worker logs {@code checkpoint_saved}. A run given {@code resumeFrom} continues
 * that run folder from its newest whole checkpoint ({@link ResumePoint}): the same log, after a
 * {@code run_resume} line, with the training clock, the position (and so the schedules and the data
 * order) and the images found undecodable where the checkpoint left them.
 */
public final class TrainingRunner {
  public record Outcome(RunFolder folder, RunStatus status, RunRecord record) {}

  private final ConfigLoader.Loaded loaded;
  private final TrainConfig config;
  private final Path resultsRoot;
  private final ProgressLine progress;
  private final Path givenRunFolder;
  private final Map<String, Object> numerics;
  private RunInterruption interruption;
  private ClusterRun cluster;

  /** Names the validation images found undecodable; set once the pipelines exist. */
  private SkippedImageLog validationSkips;

  private SkippedImageLog trainSkips;

  /** The training images known to be undecodable when the current epoch's order was made. */
  private int trainSkippedAtEpochStart;

  /** The run folder to continue ({@code dawn train --resume}), or null for a new run. */
  private Path resumeFrom;

  /** What a checkpoint of this run may only be continued with. */
  private RunIdentity identity;

  /** Optimizer updates applied so far (TensorFlow's global step). */
  private long globalStep;

  /** The chief's checkpoint writer; null on another worker. */
  private CheckpointWriter checkpoints;

  public TrainingRunner(ConfigLoader.Loaded loaded, Path resultsRoot, ProgressLine progress) {
    this(loaded, resultsRoot, progress, null);
  }

  /**
   * @param runFolder the run folder to use ({@code --run-folder}), or null for a new one under
   *     {@code resultsRoot}
   */
  public TrainingRunner(
      ConfigLoader.Loaded loaded, Path resultsRoot, ProgressLine progress, Path runFolder) {
    this(loaded, resultsRoot, progress, runFolder, Map.of());
  }

  /**
   * @param numerics what the host numerics check decided for the run's precision, kept in
   *     environment.json
   */
  public TrainingRunner(
      ConfigLoader.Loaded loaded,
      Path resultsRoot,
      ProgressLine progress,
      Path runFolder,
      Map<String, Object> numerics) {
    this.loaded = loaded;
    this.config = loaded.config();
    this.resultsRoot = resultsRoot;
    this.progress = progress;
    this.givenRunFolder = runFolder;
    this.numerics = numerics;
  }

  /**
   * Continues the stopped run in {@code runFolder} (the chief's folder, also for another worker)
   * from its newest whole checkpoint instead of starting a new run.
   *
   * @return this runner
   */
  public TrainingRunner resuming(Path runFolder) {
    this.resumeFrom = runFolder;
    return this;
  }

  public Outcome run() throws IOException {
    // MLPerf's initialisation starts now; init_start gets this time once the log exists.
    long initStartMs = System.currentTimeMillis();
    RecipeSchedules schedules = RecipeSchedules.of(config);
    // Open the data before creating a run folder: a missing data set is bad input, not a failed
    // run.
    ImageDataset dataset = DatasetOpener.open(config.data(), progress::message);
    loaded.requireBatchesFit(dataset.train().size(), config.data().path());
    String build = DawnBuild.current().commit();
    identity =
        RunIdentity.of(
            build,
            ConfigFingerprint.of(loaded.tree(), build).byKey(),
            dataset,
            Math.max(1, config.distributed().workerCount()));
    ResumePoint resume = null;
    RunFolder resumedFolder = null;
    if (resumeFrom != null) {
      int task = config.distributed().taskIndex();
      resumedFolder = WorkerFolders.resumed(resumeFrom, task);
      resume = ResumePoint.find(resumeFrom, resumedFolder.events(), task == 0, progress::message);
      List<String> differences = resume.state().identity().differences(identity);
      if (!differences.isEmpty()) {
        throw new ResumeRefusedException(
            "--resume "
                + resumeFrom
                + ": "
                + RunCheckpoints.relative(resume.checkpoint())
                + " cannot be continued with another "
                + String.join("; ", differences));
      }
    } else {
      InitialWeights.requireExists(config.train().initWeights());
    }
    // A worker joins its cluster before it has a run folder: a port it cannot bind or a config that
    // differs from the other workers' is refused without leaving anything behind.
    cluster =
        ClusterRun.join(config, loaded.tree(), TrainingParts.threads(config), progress::message);
    RunFolder folder;
    if (resume == null) {
      folder =
          WorkerFolders.create(
              resultsRoot, config.name(), LocalDateTime.now(), givenRunFolder, cluster.taskIndex());
      Files.writeString(
          folder.config(), new ConfigLoader().toYaml(loaded.tree()), StandardCharsets.UTF_8);
    } else {
      folder = resumedFolder;
    }
    progress.message("run folder: " + folder.dir());
    if (cluster.isChief()) {
      Path runDir = resumeFrom != null ? resumeFrom : folder.dir();
      checkpoints =
          new CheckpointWriter(
              runDir.resolve(RunFolder.CHECKPOINTS), config.train().keepCheckpoints());
    }

    RunStatus status;
    try (RunInterruption signals = RunInterruption.install(progress::message, STOP_GRACE);
        EventLog events = EventLog.append(folder.events())) {
      interruption = signals;
      RunLifecycle lifecycle =
          resume == null
              ? RunLifecycle.begin(events, folder.runId(), initStartMs)
              : RunLifecycle.resumed(events, folder.runId());
      try {
        status = train(dataset, schedules, folder, events, lifecycle, resume);
        lifecycle.stop(status, null);
      } catch (DivergedException e) {
        status = RunStatus.DIVERGED;
        progress.message("stopped: " + e.getMessage());
        lifecycle.stop(status, e.getMessage());
      } catch (RunInterruption.Stopped e) {
        status = e.cause.status;
        progress.message(
            e.getMessage()
                + ": finished epochs are kept"
                + (cluster.isChief()
                    ? "; 'dawn train --resume "
                        + folder.dir()
                        + "' continues from the newest checkpoint"
                    : ""));
        lifecycle.stop(status, e.getMessage());
      } catch (WorkerLostException lost) {
        // another worker died or stopped answering: name it, keep the finished epochs
        LostWorkerException e = cluster.explain(lost);
        progress.message("stopped: " + e.getMessage());
        FailedRunEnding.finish(
            e, () -> lifecycle.stop(RunStatus.FAILED, e.getMessage()), () -> exportFiles(folder));
        throw e;
      } catch (RuntimeException | IOException | Error e) {
        FailedRunEnding.finish(
            e, // finished epochs stay usable; the first error is the one reported
            () -> lifecycle.stop(RunStatus.FAILED, String.valueOf(e)),
            () -> exportFiles(folder));
        throw e;
      }
    }
    exportFiles(folder);
    RunRecord record = RunRecord.fromEvents(EventLogReader.read(folder.events()));
    return new Outcome(folder, status, record);
  }

  /**
   * The files derived from the event log; a worker other than the chief logs its throughput only
   * (the chief's folder holds the run's files).
   */
  private void exportFiles(RunFolder folder) {
    if (!cluster.isChief()) return;
    // Each file that can be written is, whatever another's fate: the first failure is reported
    // after both tries, the run's events stay whole.
    RuntimeException first = null;
    try {
      RunExporter.export(folder.dir());
    } catch (RuntimeException e) {
      first = e;
    }
    try {
      TensorBoardFile.write(folder.dir());
    } catch (RuntimeException e) {
      if (first == null) throw e;
      first.addSuppressed(e);
    }
    if (first != null) throw first;
  }

  private RunStatus train(
      ImageDataset dataset,
      RecipeSchedules schedules,
      RunFolder folder,
      EventLog events,
      RunLifecycle lifecycle,
      ResumePoint resume)
      throws IOException {
    var t = config.train();
    int classes = dataset.classNames().size();
    PipelineOptions pipelineOptions = TrainingParts.pipelineOptions(config);
    DawnbenchTask task = DawnbenchEntryEvent.task(config, dataset);
    if (resume == null) {
      // a resumed run's log holds these already
      events.write(CACHE_NOT_CLEARED);
      MlPerfSubmissionEvent.of(config).events().forEach(events::write);
      logHyperparameters(events, dataset, classes);
      MlPerfHyperparameters.of(config, schedules, dataset.train().size(), pipelineOptions)
          .forEach(events::write);
      events.write(new DawnbenchEntryFields(DawnbenchEntryEvent.of(config, LocalDate.now())));
      events.write(task.event());
    }
    if (!task.isEntry()) progress.message(task.describe());

    long initStart = System.nanoTime();
    try (TrainingSession session = TrainingParts.session(config, classes)) {
      EvaluationCoverage coverage = EvaluationCoverage.of(task);
      ThreadSettings threads =
          ProcessThreadPools.claim(TrainingParts.threads(config), progress::message);
      DataParallelFacts dataParallel = DataParallelFacts.of(session);
      Map<String, Object> environment =
          MachineEnvironment.describe(
              TensorFlow.version(),
              threads.intraOp(),
              threads.interOp(),
              Map.of("train", t.seed(), "data", config.data().synthetic().seed()));
      environment.put("dataParallel", dataParallel.environment(threads));
      environment.put("cluster", cluster.environment());
      environment.put("numerics", numerics);
      if (resume == null) {
        // the first process's machine stays the run's record
        MachineEnvironment.write(folder.environment(), environment);
        dataParallel.event().ifPresent(events::write);
      }
      progress.message(
          String.format(
              "model %s: %,d parameters, %d classes, graph ready in %.1f s",
              config.model().architecture(),
              session.parameterCount(),
              classes,
              (System.nanoTime() - initStart) / 1e9));
      boolean restored = false;
      if (resume == null) {
        events.write(new Hyperparameter(MlLogKeys.MODEL_PARAMETERS, session.parameterCount()));
        restored = InitialWeights.restore(session, t.initWeights(), events, progress);
      } else {
        restore(session, resume);
      }
      // MLPerf's clock starts before the data is touched (a new pipeline decodes a few images to
      // size its cache); the initial evaluation is on it too.
      lifecycle.startRun();
      try (InputPipeline trainData =
              new InputPipeline(dataset.train(), pipelineOptions, cluster.shard());
          InputPipeline valData =
              new InputPipeline(dataset.validation(), pipelineOptions, cluster.shard())) {
        if (resume == null) {
          trainSkips = new SkippedImageLog(trainData, SkippedImageLog.TRAIN);
          validationSkips = new SkippedImageLog(valData, SkippedImageLog.VALIDATION);
        } else {
          TrainingState state = resume.state();
          // the resumed epoch's order left out the images known when it began; the others were
          // found within it and are remembered once its order is made
          trainData.remember(state.trainSkipped().atEpochStart());
          valData.remember(state.validationSkipped().images());
          trainSkips =
              new SkippedImageLog(trainData, SkippedImageLog.TRAIN, state.trainSkipped().named());
          validationSkips =
              new SkippedImageLog(
                  valData, SkippedImageLog.VALIDATION, state.validationSkipped().named());
          events.write(resume.event());
          progress.message(RunRecord.describe(resume.event()));
        }
        if (restored) {
          // The starting accuracy of a fine-tune (e.g. right after pruning), outside the training
          // clock.
          EvalCounts start = evaluate(session, valData, coverage);
          validationSkips.writeNew(events, 0);
          if (cluster.isChief())
            events.write(
                new InitialAccuracy(
                    start.top1(), start.top5(), (long) start.count(), skipped(start, valData)));
          progress.message(
              String.format(
                  "initial weights: top-1 %.2f%%, top-5 %.2f%%",
                  100 * start.top1(), 100 * start.top5()));
        }

        TrainingClock clock =
            resume == null
                ? new TrainingClock()
                : new TrainingClock(resume.state().trainTimeNanos(), resume.state().runStartMs());
        EvaluationSchedule schedule = EvaluationSchedule.of(t);
        EvaluationSchedule.WithinEpoch withinEpoch =
            (epoch, position) ->
                evaluateAt(session, valData, coverage, events, clock, epoch, position, null)
                        >= t.targetAccuracy()
                    && t.stopAtTarget();
        double lastMetric = Double.NaN;
        int first = 1;
        // where the first epoch continues: a run resumed within an epoch goes on from its step
        boolean within = false;
        int firstStep = 0;
        EpochProgress before = EpochProgress.NONE;
        List<SkippedImage> foundWithin = List.of();
        if (resume != null) {
          TrainingState state = resume.state();
          lastMetric = state.lastMetric() == null ? Double.NaN : state.lastMetric();
          first = state.position().nextEpoch();
          if (!state.position().epochEnded()) {
            within = true;
            firstStep = state.position().stepsDone();
            before = state.epochProgress();
            foundWithin = state.trainSkipped().images();
          }
        }
        for (int epoch = first; epoch <= t.epochs(); epoch++) {
          TrainConfig.Phase phase = t.phaseOf(epoch);
          if (!within) {
            events.write(new EpochStart(epoch)); // a resumed epoch's is in the log already
            if (epoch > 1 && !phase.equals(t.phaseOf(epoch - 1))) logPhase(events, epoch);
          }
          double metricSoFar = lastMetric;
          StopCheckpoint stop =
              cluster.workerCount() > 1
                  ? null // workers see a signal at different steps: they keep their epoch's
                  : (position, progress) ->
                      saveCheckpoint(
                          session,
                          events,
                          clock,
                          position,
                          metricSoFar,
                          CheckpointSaved.STOP,
                          progress);
          EpochStats stats =
              trainEpoch(
                  session,
                  trainData,
                  schedules,
                  epoch,
                  phase,
                  clock,
                  events,
                  schedule,
                  withinEpoch,
                  new ContinueAt(firstStep, before, foundWithin),
                  stop);
          within = false;
          firstStep = 0;
          before = EpochProgress.NONE;
          foundWithin = List.of();
          trainSkips.writeNew(events, epoch);
          if (stats.stoppedAtTarget()) {
            saveCheckpoint(
                session,
                events,
                clock,
                stats.at(epoch, globalStep, false),
                lastMetric,
                CheckpointSaved.END,
                EpochProgress.NONE);
            return RunStatus.SUCCESS;
          }
          StepSplit split =
              StepSplit.measure(
                  session,
                  stats.lastBatch(),
                  stats.meanStepMs(),
                  dataParallel.replicas() * cluster.workerCount() > 1);
          events.write(
              new EpochStop(
                  epoch,
                  clock.trainingMillis(),
                  clock.wallMillis(),
                  stats.meanLoss(),
                  stats.lastLearningRate(),
                  stats.imagesPerSecond(),
                  stats.images(),
                  (long) trainData.skippedImages(),
                  dataParallel.replicas(),
                  dataParallel.bucketCount(),
                  dataParallel.bytesPerStep(),
                  cluster.workerCount(),
                  split.computeMs(),
                  split.exposedCommMs()));

          String summary =
              String.format(
                  "epoch %d: loss %.4f, %.0f img/s, train %.1f s",
                  epoch, stats.meanLoss(), stats.imagesPerSecond(), clock.trainingSeconds());
          TrainingPosition ended = stats.at(epoch, globalStep, true);
          if (!schedule.atEndOf(epoch)) {
            progress.message(summary);
          } else {
            double metric =
                evaluateAt(session, valData, coverage, events, clock, epoch, epoch, summary);
            lastMetric = metric;
            if (metric >= t.targetAccuracy() && t.stopAtTarget()) {
              saveCheckpoint(
                  session,
                  events,
                  clock,
                  ended,
                  lastMetric,
                  CheckpointSaved.END,
                  EpochProgress.NONE);
              return RunStatus.SUCCESS;
            }
          }
          if (epoch == t.epochs()) {
            saveCheckpoint(
                session, events, clock, ended, lastMetric, CheckpointSaved.END, EpochProgress.NONE);
          } else if (t.checkpointEveryEpochs() > 0 && epoch % t.checkpointEveryEpochs() == 0) {
            saveCheckpoint(
                session,
                events,
                clock,
                ended,
                lastMetric,
                CheckpointSaved.EPOCH,
                EpochProgress.NONE);
          }
        }
        // train.stopAtTarget false (fine-tuning): every epoch runs; success means the last epoch
        // meets the target
        return lastMetric >= t.targetAccuracy() ? RunStatus.SUCCESS : RunStatus.TARGET_NOT_REACHED;
      }
    }
  }

  /**
   * Evaluates the validation split at {@code position} epochs (within or at the end of {@code
   * epoch}), off the training clock, logs it and returns the target metric in percent. {@code
   * summary} starts the progress line at an epoch's end; null within an epoch.
   */
  private double evaluateAt(
      TrainingSession session,
      InputPipeline valData,
      EvaluationCoverage coverage,
      EventLog events,
      TrainingClock clock,
      int epoch,
      double position,
      String summary)
      throws IOException {
    events.write(new EvalStart(epoch, position));
    EvalCounts counts = evaluate(session, valData, coverage);
    validationSkips.writeNew(events, epoch);
    events.write(new EvalStop(epoch, position));
    if (cluster.isChief())
      events.write(
          new EvalAccuracy(
              epoch,
              counts.top1(),
              counts.top5(),
              (long) counts.count(),
              skipped(counts, valData),
              position,
              clock.trainingMillis()));
    String accuracy =
        String.format("top-1 %.2f%%, top-5 %.2f%%", 100 * counts.top1(), 100 * counts.top5());
    progress.message(
        summary != null
            ? summary + ", " + accuracy
            : String.format(
                "epoch %s: train %.1f s, %s",
                EvaluationPoint.epochLabel(position), clock.trainingSeconds(), accuracy));
    return 100
        * (config.train().targetMetric() == TargetMetric.TOP1 ? counts.top1() : counts.top5());
  }

  /**
   * The whole training state as a TensorFlow checkpoint, written by the chief after the clock has
   * stopped (its time is logged as save_ms); every worker logs {@code checkpoint_saved} at the same
   * point of its log. The last one is the trained model dawn infer reads.
   */
  /**
   * @param progress the unfinished epoch's figures when {@code position} is within an epoch ({@link
   *     EpochProgress#NONE} at its end)
   */
  private void saveCheckpoint(
      TrainingSession session,
      EventLog events,
      TrainingClock clock,
      TrainingPosition position,
      double lastMetric,
      String trigger,
      EpochProgress progress)
      throws IOException {
    String name = RunFolder.CHECKPOINTS + "/ckpt-" + position.globalStep();
    Long saveMs = null;
    if (checkpoints != null) {
      long start = System.nanoTime();
      double lr = schedulesAt(position, true);
      TrainingState state =
          new TrainingState(
              TrainingState.FORMAT,
              position,
              progress,
              clock.trainingNanos(),
              clock.runStartMs(),
              lr,
              schedulesAt(position, false),
              Double.isNaN(lastMetric) ? null : lastMetric,
              config.train().seed(),
              skippedSoFar(trainSkips, position),
              skippedSoFar(validationSkips, position),
              identity,
              events.lines(),
              Map.of());
      name = RunCheckpoints.relative(checkpoints.write(session, state));
      saveMs = (System.nanoTime() - start) / 1_000_000;
    }
    events.write(
        new CheckpointSaved(
            name,
            position.globalStep(),
            position.epoch(),
            position.epochPosition(),
            clock.trainingMillis(),
            saveMs,
            trigger));
  }

  /** The learning rate ({@code lr}) or momentum of the last step before {@code position}. */
  private double schedulesAt(TrainingPosition position, boolean lr) {
    RecipeSchedules schedules = RecipeSchedules.of(config);
    int steps = Math.max(1, position.stepsInEpoch());
    double at =
        RecipeSchedules.stepPosition(
            position.epoch(), Math.max(0, position.stepsDone() - 1), steps);
    return lr ? schedules.learningRate().at(at) : schedules.momentum().at(at);
  }

  /**
   * The images {@code log}'s split found undecodable so far; within an epoch, the training images
   * the epoch's order left out are those known when it began, after its end all.
   */
  private SkippedSoFar skippedSoFar(SkippedImageLog log, TrainingPosition position) {
    List<SkippedImage> all = log.all();
    int atStart =
        log == trainSkips && !position.epochEnded()
            ? Math.min(trainSkippedAtEpochStart, all.size())
            : all.size();
    return new SkippedSoFar(all, log.named().size(), all.subList(0, atStart));
  }

  /**
   * Assigns every variable from the checkpoint a resumed run continues from; a bundle that does not
   * fit this session fails naming it.
   */
  private void restore(TrainingSession session, ResumePoint resume) {
    long step = session.checkpoint().restore(resume.checkpoint());
    long expected = resume.state().position().globalStep();
    if (step != expected) {
      throw new ResumeRefusedException(
          resume.checkpoint()
              + ": its bundle holds global step "
              + step
              + " but "
              + TrainingState.FILE
              + " says "
              + expected);
    }
    globalStep = step;
  }

  /**
   * How long a signalled run may take to finish its step and write run_stop before the process just
   * ends.
   */
  private static final java.time.Duration STOP_GRACE = java.time.Duration.ofSeconds(60);

  /**
   * @param meanStepMs the epoch's training time per step (micro-batch), input waits included,
   *     evaluations within the epoch excluded
   * @param lastBatch the epoch's last batch, for timing its compute alone; null without a step
   * @param stoppedAtTarget an evaluation within the epoch reached the target and the epoch stopped
   *     there
   * @param stepsDone (micro-batch) steps trained
   * @param steps the epoch's steps
   */
  /**
   * Where an epoch's training starts: step 0 with nothing done, or, for a run resumed within it,
   * the checkpoint's step with the figures of the steps before it and the training images found
   * undecodable within it.
   */
  private record ContinueAt(int step, EpochProgress before, List<SkippedImage> foundWithin) {}

  /** Writes the checkpoint of a run stopped (by a signal) at a step boundary. */
  @FunctionalInterface
  private interface StopCheckpoint {
    void save(TrainingPosition position, EpochProgress progress) throws IOException;
  }

  private record EpochStats(
      double meanLoss,
      double lastLearningRate,
      double imagesPerSecond,
      long images,
      double meanStepMs,
      Batch lastBatch,
      boolean stoppedAtTarget,
      int stepsDone,
      int steps) {

    /** Where the run is after this epoch's steps, {@code ended} once its end is done too. */
    TrainingPosition at(int epoch, long globalStep, boolean ended) {
      return new TrainingPosition(epoch, stepsDone, steps, ended, false, globalStep);
    }
  }

  private EpochStats trainEpoch(
      TrainingSession session,
      InputPipeline data,
      RecipeSchedules schedules,
      int epoch,
      TrainConfig.Phase phase,
      TrainingClock clock,
      EventLog events,
      EvaluationSchedule schedule,
      EvaluationSchedule.WithinEpoch withinEpoch,
      ContinueAt from,
      StopCheckpoint stopCheckpoint)
      throws IOException {
    var t = config.train();
    boolean stoppedAtTarget = false;
    // a resumed epoch's time before the stop counts as if the epoch had not been cut
    long evaluationNanos = -from.before().trainNanos();
    double lossSum = from.before().lossSum();
    long images = from.before().images();
    double lr = from.before().learningRate();
    int stepsDone = from.step();
    Batch lastBatch = null;
    int steps = 0;
    long epochStart = System.nanoTime();
    clock.startTraining();
    int k = t.accumulationSteps();
    trainSkippedAtEpochStart = data.skipped().size();
    // With accumulation the pipeline yields micro-batches; every k-th (and the epoch's last)
    // applies the update.
    try (BatchStream batches =
        data.epoch(epoch, phase.resolution(), phase.batchSize() / k, from.step())) {
      data.remember(from.foundWithin());
      steps = batches.batchCount();
      for (int step = from.step(); batches.hasNext(); step++) {
        try {
          interruption.check();
        } catch (RunInterruption.Stopped stopped) {
          clock.stopTraining();
          if (stopCheckpoint != null && step % k == 0) {
            // the last completed step, between two updates: the state a resume continues from
            long nanos = System.nanoTime() - epochStart - evaluationNanos;
            stopCheckpoint.save(
                new TrainingPosition(epoch, step, steps, false, false, globalStep),
                new EpochProgress(lossSum, images, nanos, lr));
          }
          throw stopped;
        }
        Batch batch = batches.next();
        double epochPosition = RecipeSchedules.stepPosition(epoch, step, steps);
        lr = schedules.learningRate().at(epochPosition);
        double momentum = schedules.momentum().at(epochPosition);
        float loss = session.trainStep(batch, (float) lr, (float) momentum);
        if (k == 1) {
          globalStep++;
        } else if ((step + 1) % k == 0 || step + 1 == steps) {
          session.applyAccumulated((float) lr, (float) momentum);
          globalStep++;
        }
        if (!Float.isFinite(loss)) {
          clock.stopTraining();
          throw new DivergedException(
              String.format("loss %s at epoch %d step %d (lr %.4g)", loss, epoch, step + 1, lr));
        }
        lossSum += (double) loss * batch.size();
        images += batch.size();
        stepsDone++;
        lastBatch = batch;
        double seconds = (System.nanoTime() - epochStart - evaluationNanos) / 1e9;
        double rate = images / seconds;
        double remaining =
            (double) (steps - step - 1) * batch.size() / rate
                + (double) (t.epochs() - epoch) * steps * batch.size() / rate;
        progress.step(epoch, t.epochs(), step + 1, steps, rate, loss, lr, remaining);
        if ((step + 1) % t.logEverySteps() == 0 || step + 1 == steps) {
          // Per-step curve for the loss/LR charts; the epoch_stop event stays the source of the
          // TSV.
          // The logged loss is unscaled; a step skipped for overflowing fp16 gradients shows as
          // skipped_updates.
          var scale = session.lossScale();
          events.write(
              new TrainStep(
                  loss,
                  epoch,
                  step + 1,
                  (long) (epoch - 1) * steps + step + 1,
                  lr,
                  momentum,
                  rate,
                  scale.map(s -> (double) s.scale()).orElse(null),
                  scale.map(s -> (long) s.skippedUpdates()).orElse(null)));
        }
        if (schedule.withinEpochAfter(step + 1, steps)) {
          clock.stopTraining();
          long evaluationStart = System.nanoTime();
          stoppedAtTarget =
              withinEpoch.evaluate(epoch, EvaluationSchedule.position(epoch, step + 1, steps));
          evaluationNanos += System.nanoTime() - evaluationStart;
          if (stoppedAtTarget) break;
          clock.startTraining();
        }
      }
    }
    clock.stopTraining();
    double seconds = (System.nanoTime() - epochStart - evaluationNanos) / 1e9;
    // The chief records the cluster's throughput (every worker trained as many images in the same
    // synchronous steps); another worker its own.
    int counted = cluster.isChief() ? cluster.workerCount() : 1;
    return new EpochStats(
        images == 0 ? Double.NaN : lossSum / images,
        lr,
        images * counted / seconds,
        images * counted,
        stepsDone == 0 ? Double.NaN : seconds * 1e3 / stepsDone,
        lastBatch,
        stoppedAtTarget,
        stepsDone,
        steps);
  }

  /**
   * Counts over the whole validation split. In a cluster every worker first takes the workers' mean
   * BN statistics (so all evaluate the same model), evaluates its own share of the batches, and the
   * counts are summed: every worker gets the same totals and so takes the same stop decision.
   */
  private EvalCounts evaluate(
      TrainingSession session, InputPipeline data, EvaluationCoverage coverage) throws IOException {
    Evaluation evaluation = session.evaluation();
    evaluation.averageMovingStatisticsOverWorkers();
    EvalCounts local = EvalCounts.ZERO;
    try (BatchStream batches =
        data.evaluation(config.train().evalResolution(), config.train().evalBatchSize())) {
      while (batches.hasNext()) {
        interruption.check();
        local = local.plus(evaluation.evaluate(batches.next()));
      }
    }
    EvalCounts total = evaluation.sumOverWorkers(local);
    if (cluster.isMultiWorker()) {
      coverage.checkCounted(total.count(), data.imageCount(), data.skippedIds());
    } else {
      coverage.check(data.skippedIds(), data.imageCount());
    }
    return total;
  }

  /** Validation images left out of {@code counts}: undecodable ones, on whichever worker. */
  private long skipped(EvalCounts counts, InputPipeline data) {
    return cluster.isMultiWorker()
        ? Math.max(0, data.imageCount() - counts.count())
        : data.skippedImages();
  }

  /**
   * dawn does not drop the operating system's page cache (that needs root, and slows every other
   * process on the machine); its own decoded-image cache is new in every run.
   */
  private static final CacheClear CACHE_NOT_CLEARED =
      new CacheClear(
          false,
          "the operating system's page cache was not dropped; dawn's decoded-image cache starts"
              + " empty in every run");

  /** Resolution and global batch from {@code epoch} on (a progressive-resizing phase). */
  private void logPhase(EventLog events, int epoch) {
    TrainConfig.Phase phase = config.train().phaseOf(epoch);
    events.write(new Hyperparameter(MlLogKeys.IMAGE_RESOLUTION, phase.resolution(), epoch));
    events.write(new Hyperparameter(MlLogKeys.GLOBAL_BATCH_SIZE, phase.batchSize(), epoch));
  }

  private void logHyperparameters(EventLog events, ImageDataset dataset, int classes) {
    var t = config.train();
    var o = config.optimizer();
    var precision = PrecisionChoice.of(config);
    events.write(
        new Hyperparameter(MlLogKeys.MODEL_NAME, config.model().architecture().configName()));
    events.write(
        new Hyperparameter(MlLogKeys.OPT_NAME, MlPerfHyperparameters.keys(o.name()).optName()));
    events.write(new Hyperparameter(MlLogKeys.GRADIENT_ACCUMULATION_STEPS, t.accumulationSteps()));
    events.write(new Hyperparameter(MlLogKeys.PRECISION, precision.precision().configName()));
    events.write(new Hyperparameter(MlLogKeys.LOSS_SCALE, precision.lossScaling().describe()));
    events.write(new Hyperparameter(MlLogKeys.OPT_BASE_LEARNING_RATE, o.learningRate()));
    events.write(new Hyperparameter(MlLogKeys.OPT_MOMENTUM, o.momentum()));
    events.write(new Hyperparameter(MlLogKeys.OPT_WEIGHT_DECAY, o.weightDecay()));
    events.write(new Hyperparameter(MlLogKeys.OPT_LEARNING_RATE_WARMUP_EPOCHS, o.warmupEpochs()));
    events.write(new Hyperparameter(MlLogKeys.LABEL_SMOOTHING, o.labelSmoothing()));
    events.write(new Hyperparameter(MlLogKeys.TRAIN_SAMPLES, dataset.train().size()));
    events.write(new Hyperparameter(MlLogKeys.EVAL_SAMPLES, dataset.validation().size()));
    events.write(new Hyperparameter(MlLogKeys.EVAL_RESOLUTION, t.evalResolution()));
    events.write(new Hyperparameter(MlLogKeys.SEED, t.seed()));
    events.write(new Hyperparameter(MlLogKeys.TARGET_ACCURACY, t.targetAccuracy()));
    events.write(new Hyperparameter(MlLogKeys.NUM_CLASSES, classes));
    logPhase(events, 1);
  }

  /** A NaN or infinite loss: the run stops, and no row is invented for the unfinished epoch. */
  static final class DivergedException extends RuntimeException {
    DivergedException(String message) {
      super(message);
    }
  }
}

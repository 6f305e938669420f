package dev.dawn.harness.tensorboard;

import com.google.protobuf.Value;
import dev.dawn.harness.tensorboard.HParamsPluginData.Status;
import dev.dawn.reporters.events.EpochStop;
import dev.dawn.reporters.events.EvalAccuracy;
import dev.dawn.reporters.events.EventLogReader;
import dev.dawn.reporters.events.RunStart;
import dev.dawn.reporters.events.RunStatus;
import dev.dawn.reporters.events.RunStop;
import dev.dawn.reporters.events.TrainStep;
import dev.dawn.reporters.record.EvaluationPoint;
import dev.dawn.reporters.record.RunRecord;
import dev.dawn.reporters.run.RunDirectory;
import dev.dawn.reporters.run.RunFolder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.tensorflow.proto.DataType;
import org.tensorflow.proto.Event;
import org.tensorflow.proto.Summary;
import org.tensorflow.proto.SummaryMetadata;
import org.tensorflow.proto.TensorProto;

/**
 * A run's TensorBoard event file, {@code events.out.tfevents.<run start seconds>.<host>}, derived
 * from {@code events.jsonl} alone so that {@code tensorboard --logdir results/} shows every run:
 *
 * <ul>
 *   <li>{@code train/loss}, {@code train/learning_rate}, {@code train/momentum}, {@code
 *       train/images_per_second} against the global step (each {@code train_step});
 *   <li>{@code eval/top1_accuracy}, {@code eval/top5_accuracy} (percent) against the global step at
 *       the end of the epoch, and the same under {@code eval_vs_training_seconds/} with the step
 *       set to whole training seconds (evaluation excluded, as DAWNBench counts time) and the wall
 *       time to run start plus training seconds, so that TensorBoard's "Relative" axis shows
 *       training time exactly;
 *   <li>{@code dawnbench/time_to_target_seconds} and {@code dawnbench/epochs_to_target} once the
 *       target is reached, and {@code dawnbench/best_accuracy} (the highest value of the target's
 *       metric, percent) at the step of the best evaluation, all from the run's record, as every
 *       other report reads them;
 *   <li>the config (dotted keys, scalars) as HParams of the run's session, with its status at the
 *       end.
 * </ul>
 *
 * Built with TensorFlow Java's {@code org.tensorflow.proto} Event and Summary classes, which is why
 * it lives in the harness: the reporters module must not depend on TensorFlow, and workloads does
 * not know the event log. Rebuilding replaces the file (and any older event file of the run)
 * atomically.
 */
public final class TensorBoardFile {
  public static final String PREFIX = "events.out.tfevents.";
  public static final String TIME_TO_TARGET_TAG = "dawnbench/time_to_target_seconds";
  public static final String EPOCHS_TO_TARGET_TAG = "dawnbench/epochs_to_target";
  public static final String BEST_ACCURACY_TAG = "dawnbench/best_accuracy";

  /** Config keys that describe the author or files, not the recipe; left out of the HParams. */
  private static final List<String> NOT_HPARAMS = List.of("submission.", "reference.", "scales.");

  private TensorBoardFile() {}

  /** Writes (or rebuilds) the run folder's event file and returns its path. */
  public static Path write(Path runDir) {
    List<dev.dawn.reporters.events.Event> log =
        EventLogReader.read(runDir.resolve(RunFolder.EVENTS));
    RunDirectory run = RunDirectory.read(runDir);
    List<Event> events = events(log, run);
    long startSeconds = (long) Math.floor(events.get(0).getWallTime());
    Path file = runDir.resolve(PREFIX + startSeconds + "." + host());
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    for (Event e : events) bytes.writeBytes(TfRecordFraming.frame(e.toByteArray()));
    replace(file, bytes.toByteArray());
    try (Stream<Path> files = Files.list(runDir)) {
      for (Path old :
          files
              .filter(f -> f.getFileName().toString().startsWith(PREFIX) && !f.equals(file))
              .toList()) {
        Files.deleteIfExists(old); // an earlier export under another host name: one file per run
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + runDir, e);
    }
    return file;
  }

  /** The Event protos of a run, in file order (the first is the file version). */
  public static List<Event> events(List<dev.dawn.reporters.events.Event> log, RunDirectory run) {
    RunRecord record = run.record();
    double start =
        log.stream()
            .filter(RunStart.KIND::matches)
            .findFirst()
            .map(e -> e.timeMs() / 1000.0)
            .orElseThrow();
    List<Event> out = new ArrayList<>();
    out.add(Event.newBuilder().setWallTime(start).setFileVersion("brain.Event:2").build());
    out.add(
        summary(
            start,
            0,
            Summary.Value.newBuilder()
                .setTag(HParamsPluginData.SESSION_START_TAG)
                .setMetadata(
                    hparamsMetadata(
                        HParamsPluginData.sessionStart(hparams(run.config()), "", start)))
                .setTensor(nullTensor())));

    long globalStep = 0;
    Map<Integer, Long> epochEndStep = new HashMap<>();
    Map<Integer, Long> epochTrainMs = new HashMap<>();
    Map<Double, Long> evalSteps = new HashMap<>(); // epoch position -> step of its eval scalars
    double end = start;
    for (dev.dawn.reporters.events.Event e : log) {
      double wall = e.timeMs() / 1000.0;
      end = Math.max(end, wall);
      if (TrainStep.KIND.matches(e)) {
        TrainStep s = TrainStep.KIND.decode(e);
        globalStep = s.globalStep();
        List<Summary.Value> values = new ArrayList<>();
        values.add(scalar("train/loss", s.loss()));
        values.add(scalar("train/learning_rate", s.learningRate()));
        if (s.momentum() != null) values.add(scalar("train/momentum", s.momentum()));
        if (s.imagesPerSecond() != null)
          values.add(scalar("train/images_per_second", s.imagesPerSecond()));
        out.add(summary(wall, globalStep, values.toArray(Summary.Value[]::new)));
      } else if (EpochStop.KIND.matches(e)) {
        EpochStop stop = EpochStop.KIND.decode(e);
        epochEndStep.put(stop.epoch(), globalStep);
        epochTrainMs.put(stop.epoch(), stop.trainTimeMs());
      } else if (EvalAccuracy.KIND.matches(e)) {
        EvalAccuracy eval = EvalAccuracy.KIND.decode(e);
        // Within an epoch: the latest logged step and the eval's own training clock.
        long step =
            eval.midEpoch()
                ? globalStep
                : epochEndStep.getOrDefault(eval.epoch(), (long) eval.epoch());
        evalSteps.putIfAbsent(eval.position(), step);
        out.add(
            summary(
                wall,
                step,
                scalar("eval/top1_accuracy", 100 * eval.top1()),
                scalar("eval/top5_accuracy", 100 * eval.top5())));
        Long trainMs =
            eval.trainTimeMs() != null ? eval.trainTimeMs() : epochTrainMs.get(eval.epoch());
        if (trainMs != null) {
          out.add(
              summary(
                  start + trainMs / 1000.0,
                  (long) Math.ceil(trainMs / 1000.0),
                  scalar("eval_vs_training_seconds/top1_accuracy", 100 * eval.top1()),
                  scalar("eval_vs_training_seconds/top5_accuracy", 100 * eval.top5())));
        }
      }
    }
    Optional<EvaluationPoint> target = record.targetEvaluation();
    if (target.isPresent()) {
      out.add(
          summary(
              end,
              stepOf(target.get(), evalSteps),
              scalar(TIME_TO_TARGET_TAG, target.get().hours() * 3600),
              scalar(EPOCHS_TO_TARGET_TAG, target.get().epoch())));
    }
    Optional<EvaluationPoint> best = record.bestEvaluation();
    if (best.isPresent()) {
      out.add(
          summary(
              end,
              stepOf(best.get(), evalSteps),
              scalar(BEST_ACCURACY_TAG, best.get().metric(record.entry().metric()))));
    }
    if (log.stream().anyMatch(RunStop.KIND::matches)) {
      out.add(
          summary(
              end,
              globalStep,
              Summary.Value.newBuilder()
                  .setTag(HParamsPluginData.SESSION_END_TAG)
                  .setMetadata(
                      hparamsMetadata(HParamsPluginData.sessionEnd(status(record.status()), end)))
                  .setTensor(nullTensor())));
    }
    return out;
  }

  /** The step an evaluation's accuracy scalars were written at. */
  private static long stepOf(EvaluationPoint e, Map<Double, Long> evalSteps) {
    return evalSteps.getOrDefault(e.epoch(), (long) Math.ceil(e.epoch()));
  }

  /**
   * A training run that stopped on its own succeeded or failed; without run_stop there is no
   * session end yet.
   */
  private static Status status(String runStatus) {
    return RunStatus.SUCCESS.word().equals(runStatus) ? Status.SUCCESS : Status.FAILURE;
  }

  /**
   * The config's scalar values by dotted key: numbers as numbers, true/false as booleans, the rest
   * as text.
   */
  static Map<String, Value> hparams(Map<String, String> config) {
    Map<String, Value> h = new LinkedHashMap<>();
    config.forEach(
        (key, text) -> {
          if (NOT_HPARAMS.stream().anyMatch(key::startsWith) || text == null || text.equals("null"))
            return;
          Value v;
          if (text.equals("true") || text.equals("false")) {
            v = Value.newBuilder().setBoolValue(Boolean.parseBoolean(text)).build();
          } else {
            try {
              v = Value.newBuilder().setNumberValue(Double.parseDouble(text)).build();
            } catch (NumberFormatException e) {
              v = Value.newBuilder().setStringValue(text).build();
            }
          }
          h.put(key, v);
        });
    return h;
  }

  private static Summary.Value scalar(String tag, double value) {
    return Summary.Value.newBuilder().setTag(tag).setSimpleValue((float) value).build();
  }

  private static Event summary(double wallTime, long step, Summary.Value.Builder value) {
    return summary(wallTime, step, value.build());
  }

  private static Event summary(double wallTime, long step, Summary.Value... values) {
    Summary.Builder s = Summary.newBuilder();
    for (Summary.Value v : values) s.addValue(v);
    return Event.newBuilder().setWallTime(wallTime).setStep(step).setSummary(s).build();
  }

  private static SummaryMetadata hparamsMetadata(com.google.protobuf.ByteString content) {
    return SummaryMetadata.newBuilder()
        .setPluginData(
            SummaryMetadata.PluginData.newBuilder()
                .setPluginName(HParamsPluginData.PLUGIN_NAME)
                .setContent(content))
        .build();
  }

  /**
   * The hparams plugin's placeholder tensor (a float 0): its summaries carry their data in the
   * metadata.
   */
  private static TensorProto nullTensor() {
    return TensorProto.newBuilder().setDtype(DataType.DT_FLOAT).addFloatVal(0f).build();
  }

  private static String host() {
    try {
      String h = InetAddress.getLocalHost().getHostName();
      return h == null || h.isBlank() ? "localhost" : h.replaceAll("[^A-Za-z0-9._-]", "_");
    } catch (IOException e) {
      return "localhost";
    }
  }

  private static void replace(Path file, byte[] bytes) {
    Path tmp =
        file.resolveSibling(
            "tensorboard-export.tmp"); // no "tfevents" in the name: TensorBoard skips it
    try {
      Files.write(tmp, bytes);
      try {
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }
}

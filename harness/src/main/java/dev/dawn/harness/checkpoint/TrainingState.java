package dev.dawn.harness.checkpoint;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.dawn.reporters.files.AtomicFile;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * {@code training-state.json} beside a checkpoint's variables: everything else a run needs to
 * continue exactly where the checkpoint was taken. The graph's variables hold the model, optimizer,
 * loss-scale and accumulator state; this holds the caller's side of the loop: the position (and
 * with it the schedules' and the data order's), the unfinished epoch's figures, the training clock,
 * the images found undecodable, what the run must not change ({@link RunIdentity}), how many lines
 * of the event log stand at this point, and each bundle file's digest.
 *
 * @param trainTimeNanos the training clock (evaluation and checkpoints excluded)
 * @param runStartMs wall-clock time the run first started (ms since the epoch), from which {@code
 *     wall_time_ms} counts after a resume, the time it was stopped included
 * @param learningRate the learning rate of the last step, for the record (the schedule gives it
 *     again from the position)
 * @param momentum the momentum of the last step, likewise
 * @param lastMetric the target metric of the last end-of-epoch evaluation (percent); null before
 *     the first
 * @param seed the data order's and augmentation's seed ({@code train.seed})
 * @param logLines lines of the writer's event log that stand at this point
 * @param files digest of each file of the bundle, by name
 */
public record TrainingState(
    @JsonProperty(value = "format", required = true) String format,
    @JsonProperty(value = "position", required = true) TrainingPosition position,
    @JsonProperty(value = "epoch_progress", required = true) EpochProgress epochProgress,
    @JsonProperty(value = "train_time_nanos", required = true) long trainTimeNanos,
    @JsonProperty(value = "run_start_ms", required = true) long runStartMs,
    @JsonProperty(value = "learning_rate", required = true) double learningRate,
    @JsonProperty(value = "momentum", required = true) double momentum,
    @JsonProperty("last_metric") Double lastMetric,
    @JsonProperty(value = "seed", required = true) long seed,
    @JsonProperty(value = "train_skipped", required = true) SkippedSoFar trainSkipped,
    @JsonProperty(value = "validation_skipped", required = true) SkippedSoFar validationSkipped,
    @JsonProperty(value = "identity", required = true) RunIdentity identity,
    @JsonProperty(value = "log_lines", required = true) int logLines,
    @JsonProperty(value = "files", required = true) Map<String, FileDigest> files) {

  public static final String FILE = "training-state.json";
  public static final String FORMAT = "dawn-training-state-v1";

  private static final ObjectMapper JSON =
      new ObjectMapper()
          .enable(SerializationFeature.INDENT_OUTPUT)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  public TrainingState {
    files = Map.copyOf(files);
  }

  /** The training clock in whole milliseconds, as the event log records it. */
  public long trainTimeMs() {
    return trainTimeNanos / 1_000_000;
  }

  /** This state with the bundle's file digests. */
  public TrainingState withFiles(Map<String, FileDigest> digests) {
    return new TrainingState(
        format,
        position,
        epochProgress,
        trainTimeNanos,
        runStartMs,
        learningRate,
        momentum,
        lastMetric,
        seed,
        trainSkipped,
        validationSkipped,
        identity,
        logLines,
        digests);
  }

  /** Writes {@code dir/training-state.json} (write-then-rename). */
  public void write(Path dir) throws IOException {
    AtomicFile.write(dir.resolve(FILE), JSON.writeValueAsBytes(this));
  }

  /**
   * @throws IOException naming the file when it is missing, not JSON or not a training state
   */
  public static TrainingState read(Path dir) throws IOException {
    Path file = dir.resolve(FILE);
    TrainingState state;
    try {
      state = JSON.readValue(file.toFile(), TrainingState.class);
    } catch (IOException e) {
      throw new IOException(file + ": not a training state: " + firstLine(e.getMessage()), e);
    }
    if (state == null || !FORMAT.equals(state.format())) {
      throw new IOException(file + ": format is not " + FORMAT);
    }
    return state;
  }

  private static String firstLine(String m) {
    if (m == null) return "unreadable";
    int nl = m.indexOf('\n');
    return nl < 0 ? m : m.substring(0, nl);
  }
}

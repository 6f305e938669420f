package dev.dawn.reporters.events;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * {@code epoch_stop} (INTERVAL_END): one finished training epoch, the source of the DAWNBench TSV
 * rows.
 *
 * @param epoch 1-based
 * @param trainTimeMs cumulative training clock, evaluation excluded
 * @param wallTimeMs wall clock since the run started, evaluation included
 * @param loss mean training loss of the epoch (NaN for an epoch without a step)
 * @param learningRate at the end of the epoch
 * @param imagesPerSecond training throughput of the epoch
 * @param images images trained on; null in logs written before it was recorded
 * @param skippedImages undecodable images skipped so far; null in logs written before it was
 *     recorded
 * @param replicas data-parallel replicas that trained the epoch; null in logs written before it was
 *     recorded
 * @param allReduceBuckets all-reduce messages per step (0 with one replica); null in older logs
 * @param allReducedBytesPerStep gradient bytes each replica all-reduces per step (0 with one
 *     replica); null in older logs
 * @param workers worker processes that trained the epoch together (1 for one process); null in
 *     older logs
 * @param computeMsPerStep forward and backward pass of one step without any collective or update,
 *     timed after the epoch outside the training clock; null when nothing is all-reduced (one
 *     replica, one worker) and in older logs
 * @param exposedCommMsPerStep the epoch's mean step time minus {@code computeMsPerStep} (at least
 *     0): the communication and update time the step did not hide behind computation; null as
 *     {@code computeMsPerStep}
 */
public record EpochStop(
    @JsonProperty(value = "epoch_num", required = true) int epoch,
    @JsonProperty(value = "train_time_ms", required = true) long trainTimeMs,
    @JsonProperty(value = "wall_time_ms", required = true) long wallTimeMs,
    @JsonProperty(value = "loss", required = true) double loss,
    @JsonProperty(value = "learning_rate", required = true) double learningRate,
    @JsonProperty(value = "images_per_second", required = true) double imagesPerSecond,
    @JsonProperty("images") Long images,
    @JsonProperty("skipped_images") Long skippedImages,
    @JsonProperty("replicas") Integer replicas,
    @JsonProperty("allreduce_buckets") Integer allReduceBuckets,
    @JsonProperty("allreduce_bytes_per_step") Long allReducedBytesPerStep,
    @JsonProperty("workers") Integer workers,
    @JsonProperty("compute_ms_per_step") Double computeMsPerStep,
    @JsonProperty("exposed_comm_ms_per_step") Double exposedCommMsPerStep)
    implements RunEvent {
  public static final EventKind<EpochStop> KIND =
      EventKind.inMetadata(MlLogKeys.EPOCH_STOP, EventType.INTERVAL_END, EpochStop.class);

  /** An epoch without data-parallel facts (as logs written before replicas existed). */
  public EpochStop(
      int epoch,
      long trainTimeMs,
      long wallTimeMs,
      double loss,
      double learningRate,
      double imagesPerSecond,
      Long images,
      Long skippedImages) {
    this(
        epoch,
        trainTimeMs,
        wallTimeMs,
        loss,
        learningRate,
        imagesPerSecond,
        images,
        skippedImages,
        null,
        null,
        null,
        null,
        null,
        null);
  }

  @Override
  public Event toEvent(long timeMs) {
    return KIND.encode(this, timeMs);
  }
}

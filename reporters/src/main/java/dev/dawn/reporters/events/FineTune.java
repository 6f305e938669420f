package dev.dawn.reporters.events;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * {@code fine_tune} (POINT_IN_TIME, value object) in an inference run: one pruned model retrained
 * before it was measured. Accuracies in percent, before (pruned, not yet retrained) and after the
 * fine-tune.
 *
 * @param runId the fine-tune's own training run, in {@code runFolder}
 * @param status that run's {@code run_stop} status
 * @param trainTimeMs its training clock
 */
public record FineTune(
    @JsonProperty("prune_ratio") double pruneRatio,
    @JsonProperty("prune_residual_groups") boolean pruneResidualGroups,
    @JsonProperty("run_id") String runId,
    @JsonProperty("run_folder") String runFolder,
    @JsonProperty("status") String status,
    @JsonProperty("epochs") int epochs,
    @JsonProperty("learning_rate") double learningRate,
    @JsonProperty("train_time_ms") long trainTimeMs,
    @JsonProperty("pruned_weights") String prunedWeights,
    @JsonProperty("top1_before") double top1Before,
    @JsonProperty("top5_before") double top5Before,
    @JsonProperty("top1_after") double top1After,
    @JsonProperty("top5_after") double top5After)
    implements RunEvent {
  public static final EventKind<FineTune> KIND =
      EventKind.asValue(MlLogKeys.FINE_TUNE, FineTune.class);

  @Override
  public Event toEvent(long timeMs) {
    return KIND.encode(this, timeMs);
  }
}

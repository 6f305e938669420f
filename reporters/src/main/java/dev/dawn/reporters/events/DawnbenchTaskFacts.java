package dev.dawn.reporters.events;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * {@code dawnbench_task} (POINT_IN_TIME, value object): whether the run is a DAWNBench entry as
 * judged when it ran, and the facts that verdict was decided from. Readers judge the facts again
 * with the current rule ({@code dev.dawn.reporters.dawnbench.DawnbenchTask}), so a logged verdict
 * cannot vouch for itself.
 *
 * @param entry the verdict when the run was logged
 * @param dataset the DAWNBench data set folder (ImageNet, CIFAR10) of an entry; null otherwise
 * @param reason why the run is not an entry; null for an entry
 * @param dataKind {@code data.kind}: imagenet, cifar10 or synthetic
 * @param classes classes in the data
 * @param validationImages images in the validation (test) split on disk
 * @param evaluatedImages images each evaluation counted
 * @param initWeights the trained weights a training run started from; null when trained from
 *     scratch
 * @param usedBlacklist the run's {@code usedBlacklist} declaration; null when not declared
 */
public record DawnbenchTaskFacts(
    @JsonProperty("entry") boolean entry,
    @JsonProperty("dataset") String dataset,
    @JsonProperty("reason") String reason,
    @JsonProperty("dataKind") String dataKind,
    @JsonProperty("classes") int classes,
    @JsonProperty("validationImages") int validationImages,
    @JsonProperty("evaluatedImages") int evaluatedImages,
    @JsonProperty("initWeights") String initWeights,
    @JsonProperty("usedBlacklist") Boolean usedBlacklist)
    implements RunEvent {
  public static final EventKind<DawnbenchTaskFacts> KIND =
      EventKind.asValue(MlLogKeys.DAWNBENCH_TASK, DawnbenchTaskFacts.class);

  @Override
  public Event toEvent(long timeMs) {
    return KIND.encode(this, timeMs);
  }
}

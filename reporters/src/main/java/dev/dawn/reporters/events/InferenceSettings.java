package dev.dawn.reporters.events;

import java.util.List;
import java.util.Map;

/**
 * {@code inference_settings} (POINT_IN_TIME, value object): how a {@code dawn infer} run measured.
 *
 * @param images validation images timed one at a time
 * @param intraOpThreads TF pools in effect (TF sizes them once per process)
 * @param profileSteps steps traced per variant with {@code --profile}; null without a profile
 * @param requestedIntraOpThreads the requested pools when they differ from those in effect, else
 *     null
 * @param onednnConvIsa the oneDNN convolution implementation per source data type (f32, bf16, u8)
 * @param bf16Native with bf16 variants: whether the CPU runs bf16 natively (else emulated); else
 *     null
 * @param int8Weights with int8 variants: the weight levels they quantize to ({@code 8-bit}, or
 *     {@code 7-bit} where the host's INT8 kernels saturate with 8-bit weights); null without int8
 *     variants and in logs written before dawn chose them per host
 * @param targetMetric the metric the task's target is on ({@code top5Accuracy}, {@code
 *     top1Accuracy}); null in older logs
 * @param targetAccuracy the task's target in percent; null in older logs
 * @param top1BudgetPoints top-1 points a variant may lose against fp32 before it is marked; null in
 *     older logs (then the default)
 */
public record InferenceSettings(
    int images,
    int warmupImages,
    List<Integer> batchSizes,
    int batchRepeats,
    String calibration,
    int calibrationImages,
    boolean int8FirstConvFp32,
    boolean int8LastConvFp32,
    boolean pruneResidualGroups,
    Integer profileSteps,
    int intraOpThreads,
    int interOpThreads,
    Integer requestedIntraOpThreads,
    Integer requestedInterOpThreads,
    Map<String, String> onednnConvIsa,
    Boolean bf16Native,
    String int8Weights,
    String targetMetric,
    Double targetAccuracy,
    Double top1BudgetPoints)
    implements RunEvent {
  public static final EventKind<InferenceSettings> KIND =
      EventKind.asValue(MlLogKeys.INFERENCE_SETTINGS, InferenceSettings.class);

  public InferenceSettings {
    batchSizes = List.copyOf(batchSizes);
  }

  @Override
  public Event toEvent(long timeMs) {
    return KIND.encode(this, timeMs);
  }
}

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
    Boolean bf16Native)
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

package dev.dawn.reporters.events;

import java.util.List;

/**
 * {@code inference_settings} (POINT_IN_TIME, value object): how a {@code dawn infer} run measured.
 *
 * @param images                  validation images timed one at a time
 * @param intraOpThreads          TF pools in effect (TF sizes them once per process)
 * @param requestedIntraOpThreads the requested pools when they differ from those in effect, else null
 */
public record InferenceSettings(int images, int warmupImages, List<Integer> batchSizes, int batchRepeats,
                                String calibration, int calibrationImages, boolean int8FirstConvFp32,
                                boolean int8LastConvFp32, boolean pruneResidualGroups, int intraOpThreads,
                                int interOpThreads, Integer requestedIntraOpThreads, Integer requestedInterOpThreads)
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

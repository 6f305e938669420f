package dev.dawn.reporters.run;

import static dev.dawn.reporters.events.MlLogKeys.*;

import dev.dawn.reporters.events.Event;
import dev.dawn.reporters.events.EventType;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * Everything known about one training run, derived only from its events.
 *
 * @param runId           {@code run_start.metadata.run_id}
 * @param entry           the {@code dawnbench_entry} fields
 * @param hyperparameters every other POINT_IN_TIME key except {@code train_step} (hyperparameters and run information),
 *                        last value wins
 * @param epochs          epochs that finished AND were evaluated, in log order
 * @param status          {@code run_stop.metadata.status}, or {@link #STATUS_KILLED} when there is no run_stop
 * @param reason          {@code run_stop.metadata.reason}, null when absent
 */
public record RunRecord(String runId, DawnbenchEntry entry, Map<String, Object> hyperparameters,
                        List<EpochRecord> epochs, String status, String reason) {

    /**
     * Status of a log without {@code run_stop}: the writer was killed (or, if read while training, is still
     * running; the events cannot tell the two apart, and a finished run always writes run_stop).
     */
    public static final String STATUS_KILLED = "killed";

    public RunRecord {
        hyperparameters = Collections.unmodifiableMap(new LinkedHashMap<>(hyperparameters));
        epochs = List.copyOf(epochs);
    }

    public static RunRecord fromEvents(List<Event> events) {
        String runId = null;
        DawnbenchEntry entry = null;
        Map<String, Object> hyperparameters = new LinkedHashMap<>();
        Map<Integer, Event> epochStops = new LinkedHashMap<>();
        Set<Integer> evaluated = new HashSet<>();
        List<EpochRecord> epochs = new ArrayList<>();
        String status = STATUS_KILLED;
        String reason = null;
        boolean stopped = false;

        for (Event e : events) {
            String key = e.key();
            switch (e.eventType()) {
                case EventType.INTERVAL_START -> {
                    if (key.equals(RUN_START)) {
                        if (runId != null) {
                            throw new IllegalArgumentException(EventFields.where(e) + ": a second run_start; one log holds one run");
                        }
                        Object id = e.meta(META_RUN_ID);
                        if (id == null) {
                            throw new IllegalArgumentException(EventFields.where(e) + " needs metadata 'run_id'");
                        }
                        runId = id.toString();
                    }
                }
                case EventType.INTERVAL_END -> {
                    if (key.equals(EPOCH_STOP)) {
                        int epoch = EventFields.integer(e, META_EPOCH_NUM);
                        if (epochStops.putIfAbsent(epoch, e) != null) {
                            throw new IllegalArgumentException(EventFields.where(e) + ": epoch_num " + epoch + " stopped twice");
                        }
                    } else if (key.equals(RUN_STOP)) {
                        stopped = true;
                        Object s = e.meta(META_STATUS);
                        if (!(s instanceof String str)) {
                            throw new IllegalArgumentException(EventFields.where(e) + " needs string metadata 'status'");
                        }
                        status = str;
                        reason = e.meta(META_REASON) == null ? null : e.meta(META_REASON).toString();
                    }
                }
                default -> {
                    if (key.equals(EVAL_ACCURACY)) {
                        int epoch = EventFields.integer(e, META_EPOCH_NUM);
                        Event stop = epochStops.get(epoch);
                        if (stop == null) {
                            throw new IllegalArgumentException(EventFields.where(e) + ": eval_accuracy for epoch_num "
                                    + epoch + " has no earlier epoch_stop");
                        }
                        if (!evaluated.add(epoch)) {
                            throw new IllegalArgumentException(EventFields.where(e) + ": epoch_num " + epoch + " evaluated twice");
                        }
                        epochs.add(epochRecord(epoch, stop, e));
                    } else if (key.equals(DAWNBENCH_ENTRY)) {
                        if (!(e.value() instanceof Map<?, ?> map)) {
                            throw new IllegalArgumentException(EventFields.where(e) + ": value must be an object");
                        }
                        @SuppressWarnings("unchecked")
                        Map<String, Object> fields = (Map<String, Object>) map;
                        entry = DawnbenchEntry.fromMap(fields);
                    } else if (!key.equals(TRAIN_STEP)) { // per-step series: see StepSeries
                        hyperparameters.put(key, e.value());
                    }
                }
            }
        }
        if (runId == null) {
            throw new IllegalArgumentException("event log has no run_start (INTERVAL_START) event");
        }
        if (entry == null) {
            throw new IllegalArgumentException("event log of run " + runId + " has no dawnbench_entry event");
        }
        if (!stopped) {
            status = STATUS_KILLED;
        }
        return new RunRecord(runId, entry, hyperparameters, epochs, status, reason);
    }

    private static EpochRecord epochRecord(int epoch, Event stop, Event eval) {
        double top5 = eval.meta(META_TOP5_ACCURACY) != null
                ? EventFields.number(eval, META_TOP5_ACCURACY)
                : numericValue(eval);
        return new EpochRecord(epoch,
                EventFields.number(stop, META_TRAIN_TIME_MS) / 3.6e6,
                EventFields.number(stop, META_WALL_TIME_MS) / 3.6e6,
                EventFields.number(stop, META_LOSS),
                EventFields.number(stop, META_LEARNING_RATE),
                EventFields.number(stop, META_IMAGES_PER_SECOND),
                percent(EventFields.number(eval, META_TOP1_ACCURACY)),
                percent(top5));
    }

    private static double numericValue(Event e) {
        if (e.value() instanceof Number n) {
            return n.doubleValue();
        }
        throw new IllegalArgumentException(EventFields.where(e) + ": value must be the top-5 accuracy fraction");
    }

    /**
     * Fraction to percent in decimal, so 0.93 gives exactly 93.0 (binary {@code 0.93 * 100} can land a hair
     * below, which would wrongly miss a 93% threshold).
     */
    static double percent(double fraction) {
        if (!Double.isFinite(fraction)) {
            return fraction;
        }
        return BigDecimal.valueOf(fraction).movePointRight(2).doubleValue();
    }

    /** True when the log has a {@code run_stop}. */
    public boolean finished() {
        return !STATUS_KILLED.equals(status);
    }

    /** The first epoch whose metric reaches the threshold (DAWNBench: the first row counts, later dips don't). */
    public Optional<EpochRecord> targetEpoch() {
        return epochs.stream().filter(e -> e.metric(entry.metric()) >= entry.threshold()).findFirst();
    }

    /** Training hours to the first epoch at or above the threshold; empty when never reached. */
    public OptionalDouble hoursToTarget() {
        return targetEpoch().map(e -> OptionalDouble.of(e.hours())).orElse(OptionalDouble.empty());
    }

    /** Hours to target × costPerHour, when both exist. */
    public OptionalDouble costToTarget() {
        if (entry.costPerHour() == null || hoursToTarget().isEmpty()) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(hoursToTarget().getAsDouble() * entry.costPerHour());
    }
}

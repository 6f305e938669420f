package dev.dawn.reporters.run;

import static dev.dawn.reporters.events.MlLogKeys.*;

import dev.dawn.reporters.events.Event;
import dev.dawn.reporters.events.EventType;
import java.util.ArrayList;
import java.util.List;

/**
 * The per-step series of a run ({@code train_step} events), kept apart from {@link RunRecord} because it is only
 * needed for charts and can be long.
 */
public final class StepSeries {
    private StepSeries() {
    }

    /** The {@code train_step} samples in log order; empty for logs written before the runner logged steps. */
    public static List<StepRecord> fromEvents(List<Event> events) {
        List<StepRecord> steps = new ArrayList<>();
        for (Event e : events) {
            if (!e.key().equals(TRAIN_STEP) || !e.eventType().equals(EventType.POINT_IN_TIME)) {
                continue;
            }
            if (!(e.value() instanceof Number loss)) {
                throw new IllegalArgumentException(EventFields.where(e) + ": value must be the training loss (a number), got " + e.value());
            }
            steps.add(new StepRecord(
                    EventFields.integer(e, META_EPOCH_NUM),
                    (long) EventFields.number(e, META_STEP),
                    (long) EventFields.number(e, META_GLOBAL_STEP),
                    loss.doubleValue(),
                    EventFields.number(e, META_LEARNING_RATE),
                    e.meta(META_MOMENTUM) == null ? Double.NaN : EventFields.number(e, META_MOMENTUM),
                    e.meta(META_IMAGES_PER_SECOND) == null ? Double.NaN : EventFields.number(e, META_IMAGES_PER_SECOND)));
        }
        return steps;
    }
}

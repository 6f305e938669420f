package dev.dawn.reporters.run;

import dev.dawn.reporters.events.Event;

/** Typed access to an event's metadata; errors name the event key, its time and the missing field. */
final class EventFields {
    private EventFields() {
    }

    static double number(Event event, String name) {
        Object v = event.meta(name);
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        throw new IllegalArgumentException(where(event) + " needs numeric metadata '" + name + "', got " + v);
    }

    static int integer(Event event, String name) {
        double v = number(event, name);
        if (v != Math.rint(v) || Math.abs(v) > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(where(event) + " metadata '" + name + "' must be an integer, got " + v);
        }
        return (int) v;
    }

    static String where(Event event) {
        return "event '" + event.key() + "' (" + event.eventType() + ", time_ms " + event.timeMs() + ")";
    }
}

package dev.dawn.reporters.profile;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Per-op time of K traced steps of one graph (an inference variant or a training step). Shares are of the summed op
 * time: ops that run in parallel on several threads each count in full, so the shares add up to 100% even when the
 * summed op time exceeds the wall-clock step.
 *
 * @param label           what was traced, e.g. {@code int8-prune0} or {@code train}
 * @param steps           traced steps
 * @param meanStepMicros  mean wall-clock time of a traced step (µs), tracing overhead included
 * @param ops             one entry per node, slowest first
 */
public record OpProfile(String label, int steps, double meanStepMicros, List<OpTime> ops) {
    /** Event key of a profile in events.jsonl. */
    public static final String EVENT = "op_profile";

    public OpProfile {
        ops = ops.stream().sorted(Comparator.comparingDouble(OpTime::totalMicros).reversed()).toList();
    }

    public double totalMicros() {
        return ops.stream().mapToDouble(OpTime::totalMicros).sum();
    }

    /** Fraction (0..1) of the summed op time spent in {@code op}. */
    public double share(OpTime op) {
        double total = totalMicros();
        return total == 0 ? 0 : op.totalMicros() / total;
    }

    /** Summed time per op type (µs over all traced steps), slowest type first. */
    public Map<String, Double> microsByType() {
        Map<String, Double> byType = new LinkedHashMap<>();
        for (OpTime op : ops) {
            byType.merge(op.type(), op.totalMicros(), Double::sum);
        }
        List<Map.Entry<String, Double>> sorted = new ArrayList<>(byType.entrySet());
        sorted.sort(Map.Entry.<String, Double>comparingByValue().reversed());
        Map<String, Double> out = new LinkedHashMap<>();
        sorted.forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    /** The event value written to events.jsonl; {@link #fromEventValue} reads it back. */
    public Map<String, Object> eventValue() {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("label", label);
        v.put("steps", steps);
        v.put("meanStepUs", meanStepMicros);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (OpTime op : ops) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("op", op.name());
            row.put("type", op.type());
            row.put("device", op.device());
            row.put("calls", op.calls());
            row.put("totalUs", op.totalMicros());
            rows.add(row);
        }
        v.put("ops", rows);
        return v;
    }

    @SuppressWarnings("unchecked")
    public static OpProfile fromEventValue(Object value) {
        if (!(value instanceof Map<?, ?> m)) {
            throw new IllegalArgumentException(EVENT + " event: expected an object, got " + value);
        }
        List<OpTime> ops = new ArrayList<>();
        Object rows = m.get("ops");
        if (!(rows instanceof List<?> list)) {
            throw new IllegalArgumentException(EVENT + " event: 'ops' is not a list: " + rows);
        }
        for (Object o : list) {
            Map<String, Object> row = (Map<String, Object>) o;
            ops.add(new OpTime(String.valueOf(row.get("op")), String.valueOf(row.get("type")),
                    String.valueOf(row.get("device")), number(row, "calls").longValue(), number(row, "totalUs").doubleValue()));
        }
        return new OpProfile(String.valueOf(m.get("label")), number((Map<String, Object>) m, "steps").intValue(),
                number((Map<String, Object>) m, "meanStepUs").doubleValue(), ops);
    }

    private static Number number(Map<String, Object> m, String key) {
        if (!(m.get(key) instanceof Number n)) {
            throw new IllegalArgumentException(EVENT + " event: '" + key + "' is not a number: " + m.get(key));
        }
        return n;
    }
}

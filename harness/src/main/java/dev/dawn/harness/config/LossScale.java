package dev.dawn.harness.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * {@code train.lossScale} (fp16 only): {@code dynamic}, {@code none}, or a fixed factor, a finite
 * positive float32.
 *
 * @param fixed the factor when neither dynamic nor none, else 0
 */
public record LossScale(boolean dynamic, float fixed) {
  public static final LossScale DYNAMIC = new LossScale(true, 0);
  public static final LossScale NONE = new LossScale(false, 0);

  public LossScale {
    if (dynamic && fixed != 0)
      throw new IllegalArgumentException("a dynamic loss scale has no fixed factor");
    if (!(fixed >= 0) || Float.isInfinite(fixed))
      throw new IllegalArgumentException("loss scale must be finite and >= 0");
  }

  /** From YAML: dynamic, none, or a number (also written as text). */
  @JsonCreator
  public static LossScale of(Object value) {
    String v = String.valueOf(value).trim();
    if (v.equals("dynamic")) return DYNAMIC;
    if (v.equals("none")) return NONE;
    try {
      double scale = Double.parseDouble(v);
      if (scale > 0 && scale <= Float.MAX_VALUE) return new LossScale(false, (float) scale);
    } catch (NumberFormatException e) {
      // the error below names the allowed values
    }
    throw new IllegalArgumentException(
        "must be one of [dynamic, none] or a positive number (a fixed scale), got '" + v + "'");
  }

  public boolean isFixed() {
    return fixed > 0;
  }

  @JsonValue
  @Override
  public String toString() {
    if (dynamic) return "dynamic";
    if (fixed == 0) return "none";
    return fixed == Math.rint(fixed) ? String.valueOf((long) fixed) : String.valueOf(fixed);
  }
}

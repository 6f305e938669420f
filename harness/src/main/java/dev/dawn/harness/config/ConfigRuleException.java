package dev.dawn.harness.config;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The rules a config record's values break, each with its key relative to the record (e.g. {@code
 * batchSize} in {@code train}); the loader adds the record's path, file and line.
 */
public final class ConfigRuleException extends IllegalArgumentException {
  /**
   * One broken rule: {@code key} relative to the record, {@code rule} e.g. "must be >= 1, got 0".
   */
  public record Broken(String key, String rule) {}

  private final List<Broken> broken;

  ConfigRuleException(List<Broken> broken) {
    super(
        broken.stream()
            .map(b -> "key '" + b.key() + "' " + b.rule())
            .collect(Collectors.joining("; ")));
    this.broken = List.copyOf(broken);
  }

  public List<Broken> broken() {
    return broken;
  }

  /** Collects every broken rule of one record, so that its constructor reports them all at once. */
  static final class Rules {
    private final List<Broken> broken = new ArrayList<>();

    Rules require(boolean ok, String key, String rule) {
      if (!ok) broken.add(new Broken(key, rule));
      return this;
    }

    Rules atLeast(String key, long value, long min) {
      return require(value >= min, key, "must be >= " + min + ", got " + value);
    }

    void throwIfBroken() {
      if (!broken.isEmpty()) throw new ConfigRuleException(broken);
    }
  }
}

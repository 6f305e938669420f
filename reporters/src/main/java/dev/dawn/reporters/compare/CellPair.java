package dev.dawn.reporters.compare;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Set;

/**
 * Two sweep cells to compare as {@code dawn compare SWEEP@a SWEEP@b} would: A the baseline, B the
 * one compared with it.
 */
public record CellPair(CellSelector a, CellSelector b) {

  /**
   * One entry of a sweep spec's {@code compare:} list: {@code {a: key=value,..., b:
   * key=value,...}}; the message names {@code where} and the rule broken.
   */
  public static CellPair read(JsonNode entry, String where) {
    if (entry == null
        || !entry.isObject()
        || !Set.of("a", "b").equals(fieldNames(entry))
        || !entry.get("a").isTextual()
        || !entry.get("b").isTextual()) {
      throw new IllegalArgumentException(
          where
              + ": a compare entry is {a: key=value,..., b: key=value,...}, two sweep cells, e.g."
              + " {a: optimizer.name=momentum, b: optimizer.name=lars}");
    }
    return new CellPair(
        CellSelector.parse(entry.get("a").asText(), where + " (a)"),
        CellSelector.parse(entry.get("b").asText(), where + " (b)"));
  }

  private static Set<String> fieldNames(JsonNode node) {
    Set<String> names = new java.util.HashSet<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  @Override
  public String toString() {
    return a + " vs " + b;
  }
}

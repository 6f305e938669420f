package dev.dawn.reporters.html;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The keys whose values are not the same in every map (a key absent from some map counts as
 * differing).
 */
public final class ConfigDiff {
  private ConfigDiff() {}

  /** One differing key and its value per input map, null where absent. */
  public record Row(String key, List<String> values) {}

  public static List<Row> differing(List<Map<String, String>> maps) {
    Set<String> keys = new LinkedHashSet<>();
    maps.forEach(m -> keys.addAll(m.keySet()));
    List<Row> rows = new ArrayList<>();
    for (String key : keys) {
      List<String> values = maps.stream().map(m -> m.get(key)).toList();
      if (values.stream().distinct().count() > 1) {
        rows.add(new Row(key, values));
      }
    }
    return rows;
  }

  /** The keys with one value across all maps (and present in all). */
  public static List<String> same(List<Map<String, String>> maps) {
    if (maps.isEmpty()) {
      return List.of();
    }
    return maps.get(0).keySet().stream()
        .filter(k -> maps.stream().allMatch(m -> Objects.equals(m.get(k), maps.get(0).get(k))))
        .toList();
  }
}

package dev.dawn.reporters.compare;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.dawn.reporters.sweep.SweepAxes;
import dev.dawn.reporters.sweep.SweepRun;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The pairs of cells a sweep is compared on: those its spec names under {@code compare:}, or else
 * the pairs that differ only in a text key with two values (e.g. momentum against LARS at each
 * batch size), the question such a sweep is run for.
 */
public final class SweepPairs {
  /** The spec as it was at the start, in the sweep folder. */
  public static final String SPEC_FILE = "spec.yaml";

  /** The spec key that names the pairs. */
  public static final String KEY = "compare";

  private SweepPairs() {}

  /** The named pairs, else the derived ones; empty when neither exists. */
  public static List<CellPair> of(Path sweepDir, List<SweepRun> runs) {
    List<CellPair> named = named(sweepDir.resolve(SPEC_FILE));
    return named.isEmpty() ? derived(runs) : named;
  }

  /** The {@code compare:} entries of a spec; empty when it has none (or no spec). */
  public static List<CellPair> named(Path spec) {
    if (!Files.isRegularFile(spec)) {
      return List.of();
    }
    JsonNode root;
    try {
      root = new YAMLMapper().readTree(spec.toFile());
    } catch (JacksonException e) {
      throw new IllegalArgumentException(spec + ": cannot parse: " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + spec, e);
    }
    return root == null ? List.of() : read(root.path(KEY), spec + ": " + KEY);
  }

  /** The entries of a {@code compare:} node (missing or null: none). */
  public static List<CellPair> read(JsonNode list, String where) {
    if (list.isMissingNode() || list.isNull()) {
      return List.of();
    }
    if (!list.isArray()) {
      throw new IllegalArgumentException(
          where + ": must be a list of {a: key=value,..., b: key=value,...} entries");
    }
    List<CellPair> pairs = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      pairs.add(CellPair.read(list.get(i), where + " entry " + (i + 1)));
    }
    return pairs;
  }

  /**
   * For each text key with exactly two values, in the spec's order: the first value against the
   * second at every combination of the other naming keys where both cells exist.
   */
  public static List<CellPair> derived(List<SweepRun> runs) {
    List<String> naming = SweepAxes.namingKeys(runs);
    Map<Integer, Map<String, Object>> cells = new LinkedHashMap<>();
    runs.forEach(r -> cells.putIfAbsent(r.cell(), r.values()));
    List<CellPair> pairs = new ArrayList<>();
    for (String key : SweepAxes.textKeys(runs)) {
      Set<Object> values = new LinkedHashSet<>();
      cells.values().forEach(v -> values.add(v.get(key)));
      if (values.size() != 2) {
        continue;
      }
      List<Object> two = new ArrayList<>(values);
      Set<String> seen = new LinkedHashSet<>();
      for (Map<String, Object> cell : cells.values()) {
        CellSelector a = selector(naming, cell, key, two.get(0));
        CellSelector b = selector(naming, cell, key, two.get(1));
        if (seen.add(a.toString())
            && cells.values().stream().anyMatch(a::matches)
            && cells.values().stream().anyMatch(b::matches)) {
          pairs.add(new CellPair(a, b));
        }
      }
    }
    return pairs;
  }

  /** The runs of a sweep that a selector picks. */
  public static List<SweepRun> select(List<SweepRun> runs, CellSelector selector) {
    return runs.stream().filter(r -> selector.matches(r.values())).toList();
  }

  private static CellSelector selector(
      List<String> naming, Map<String, Object> cell, String key, Object value) {
    Map<String, String> values = new LinkedHashMap<>();
    for (String k : naming) {
      values.put(k, String.valueOf(k.equals(key) ? value : cell.get(k)));
    }
    return new CellSelector(values);
  }
}

package dev.dawn.harness.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dawn.harness.config.ConfigException;
import dev.dawn.harness.config.YamlDocument;
import dev.dawn.reporters.compare.CellPair;
import dev.dawn.reporters.compare.CellSelector;
import dev.dawn.reporters.compare.SweepPairs;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A sweep spec as written: the base config, fixed overrides, the axes (each {@code grid:} key is
 * one axis, each {@code zip:} group one axis whose keys move together), the number of repeats and
 * the first seed. Structural mistakes are all reported at once, with the spec's file and line;
 * whether the keys and values are valid config is {@link SweepValidation}'s job.
 *
 * @param name names the sweep folder and, with cell and repeat, each run
 * @param base the base config file (as written in the spec, resolved against the spec's folder)
 * @param scale the base config's {@code scales:} entry to lay over it, or null
 * @param fixed {@code set:} overrides applied to every cell
 * @param axes grid keys then zip groups, in the spec's order
 * @param repeats runs per cell
 * @param firstSeed {@code train.seed} of repeat 1 (repeat r uses firstSeed + r - 1); null: the base
 *     config's seed
 * @param workers worker processes of every run: 1 runs {@code dawn train}, N > 1 {@code dawn launch
 *     --workers N}
 * @param document the spec as written; its optional {@code compare:} pairs of cells, which only the
 *     report reads (from the copy in the sweep folder), are checked here
 */
public record SweepSpec(
    String name,
    Path base,
    String scale,
    List<Setting> fixed,
    List<Axis> axes,
    int repeats,
    Long firstSeed,
    int workers,
    YamlDocument document) {

  /** One key with a value and the place it was written. */
  public record Setting(String key, JsonNode value, String origin) {}

  /** Keys that move together over {@code size()} positions; a grid key is an axis of one key. */
  public record Axis(List<String> keys, List<List<JsonNode>> columns, List<String> origins) {
    public int size() {
      return columns.get(0).size();
    }
  }

  static final Set<String> TOP_KEYS =
      Set.of(
          "name", "base", "scale", "set", "grid", "zip", "repeats", "seed", "workers", "compare");

  /** The most worker processes a sweep starts per run, as {@code dawn launch} allows. */
  static final int MAX_WORKERS = 16;

  /** Keys the sweep itself sets on every run. */
  static final Set<String> RESERVED =
      Set.of("name", "train.seed", "distributed.workers", "distributed.taskIndex");

  private static final String KEY = "[A-Za-z0-9_]+(\\.[A-Za-z0-9_]+)+";

  /**
   * A spec as far as it could be read: the parts written correctly, and what is wrong with the rest
   * (each with the spec's file and line), so that the values can still be checked and every problem
   * reported at once.
   *
   * @param spec the well-formed parts; its {@code base} is null when the spec names none
   */
  public record Parsed(SweepSpec spec, List<String> problems) {
    public Parsed {
      problems = List.copyOf(problems);
    }
  }

  public static SweepSpec read(Path file) {
    return read(file, null);
  }

  /**
   * @param baseOverride the base config to use instead of the spec's (a resumed sweep uses its
   *     saved copy)
   * @throws ConfigException listing every structural problem of the spec
   */
  public static SweepSpec read(Path file, Path baseOverride) {
    Parsed parsed = parse(file, baseOverride);
    if (!parsed.problems().isEmpty()) throw new ConfigException(parsed.problems());
    return parsed.spec();
  }

  /**
   * Reads the spec's structure without stopping at a problem: {@link SweepValidation} then checks
   * the values of the parts that are well formed, and reports both kinds together.
   */
  public static Parsed parse(Path file, Path baseOverride) {
    YamlDocument doc = YamlDocument.read(file);
    JsonNode root = doc.tree();
    List<String> problems = new ArrayList<>();
    if (!root.isObject()) {
      throw new ConfigException(
          List.of(
              file + ": a sweep spec is a mapping with keys " + new java.util.TreeSet<>(TOP_KEYS)));
    }
    root.fieldNames()
        .forEachRemaining(
            k -> {
              if (!TOP_KEYS.contains(k)) {
                problems.add(
                    doc.where(k)
                        + ": unknown key '"
                        + k
                        + "'; a sweep spec has "
                        + new java.util.TreeSet<>(TOP_KEYS));
              }
            });
    String name = root.path("name").asText("");
    if (!name.matches("[A-Za-z0-9._-]{1,40}")) {
      problems.add(
          doc.where("name")
              + ": key 'name' must be 1-40 characters of letters, digits, '.', '_' or '-' "
              + "(it names the sweep folder and its runs)");
    }
    Path base = null;
    if (!root.path("base").isTextual() || root.path("base").asText().isBlank()) {
      problems.add(
          doc.where("base")
              + ": key 'base' must name the base config file (relative to the spec's folder)");
    } else {
      Path dir = file.toAbsolutePath().getParent();
      base =
          baseOverride != null ? baseOverride : dir.resolve(root.path("base").asText()).normalize();
    }
    String scale = root.hasNonNull("scale") ? root.get("scale").asText() : null;
    int repeats = 1;
    if (root.has("repeats")) {
      JsonNode r = root.get("repeats");
      if (!r.canConvertToInt() || !r.isIntegralNumber() || r.asInt() < 1 || r.asInt() > 100) {
        problems.add(
            doc.where("repeats")
                + ": key 'repeats' must be a whole number from 1 to 100, got '"
                + r.asText(r.toString())
                + "'");
      } else {
        repeats = r.asInt();
      }
    }
    Long seed = null;
    if (root.hasNonNull("seed")) {
      JsonNode s = root.get("seed");
      if (!s.isIntegralNumber() || !s.canConvertToLong()) {
        problems.add(
            doc.where("seed")
                + ": key 'seed' must be a whole number (train.seed of repeat 1), got '"
                + s.asText(s.toString())
                + "'");
      } else {
        seed = s.asLong();
      }
    }

    int workers = 1;
    if (root.has("workers")) {
      JsonNode w = root.get("workers");
      if (!w.isIntegralNumber()
          || !w.canConvertToInt()
          || w.asInt() < 1
          || w.asInt() > MAX_WORKERS) {
        problems.add(
            doc.where("workers")
                + ": key 'workers' must be a whole number from 1 to "
                + MAX_WORKERS
                + " (worker processes per run, started with dawn launch), got '"
                + w.asText(w.toString())
                + "'");
      } else {
        workers = w.asInt();
      }
    }

    Set<String> used = new HashSet<>();
    List<Setting> fixed = new ArrayList<>();
    JsonNode set = root.path("set");
    if (!set.isMissingNode() && !set.isNull() && !set.isObject()) {
      problems.add(
          doc.where("set")
              + ": key 'set' must be a mapping of dotted config keys to values, e.g. train.epochs: 5");
    } else if (set.isObject()) {
      set.fields()
          .forEachRemaining(
              f -> {
                String at = doc.where("set." + f.getKey());
                if (checkKey(f.getKey(), at, "set", used, problems))
                  fixed.add(new Setting(f.getKey(), f.getValue(), at));
              });
    }

    List<Axis> axes = new ArrayList<>();
    JsonNode grid = root.path("grid");
    if (!grid.isMissingNode() && !grid.isNull() && !grid.isObject()) {
      problems.add(
          doc.where("grid")
              + ": key 'grid' must be a mapping of dotted config keys to lists of values");
    } else if (grid.isObject()) {
      grid.fields()
          .forEachRemaining(
              f -> {
                String at = doc.where("grid." + f.getKey());
                if (!checkKey(f.getKey(), at, "grid", used, problems)) return;
                if (!f.getValue().isArray() || f.getValue().isEmpty()) {
                  problems.add(
                      at
                          + ": grid key '"
                          + f.getKey()
                          + "' needs a non-empty list of values, e.g. [64, 128]");
                  return;
                }
                axes.add(new Axis(List.of(f.getKey()), List.of(list(f.getValue())), List.of(at)));
              });
    }
    JsonNode zip = root.path("zip");
    if (!zip.isMissingNode() && !zip.isNull() && !zip.isArray()) {
      problems.add(
          doc.where("zip")
              + ": key 'zip' must be a list of groups, each a mapping of keys to equally long lists");
    } else if (zip.isArray()) {
      for (int g = 0; g < zip.size(); g++) {
        JsonNode group = zip.get(g);
        String groupAt = doc.where("zip") + " (zip group " + (g + 1) + ")";
        if (!group.isObject() || group.size() < 2) {
          problems.add(
              groupAt + ": a zip group maps two or more dotted keys to equally long lists");
          continue;
        }
        List<String> keys = new ArrayList<>();
        List<List<JsonNode>> columns = new ArrayList<>();
        List<String> origins = new ArrayList<>();
        var fields = group.fields();
        while (fields.hasNext()) {
          var f = fields.next();
          String at = doc.where("zip." + f.getKey());
          if (!checkKey(f.getKey(), at, "zip", used, problems)) continue;
          if (!f.getValue().isArray() || f.getValue().isEmpty()) {
            problems.add(at + ": zip key '" + f.getKey() + "' needs a non-empty list of values");
            continue;
          }
          keys.add(f.getKey());
          columns.add(list(f.getValue()));
          origins.add(at);
        }
        if (keys.size() != group.size()) continue;
        if (columns.stream().map(List::size).distinct().count() > 1) {
          problems.add(
              groupAt
                  + ": the lists of a zip group must be equally long; "
                  + String.join(
                      ", ", keys.stream().map(k -> k + " has " + group.get(k).size()).toList()));
          continue;
        }
        axes.add(new Axis(keys, columns, origins));
      }
    }
    SweepSpec spec = new SweepSpec(name, base, scale, fixed, axes, repeats, seed, workers, doc);
    if (problems.isEmpty()) {
      checkPairs(spec, problems); // the pairs name cells, which only a sound spec plans
    }
    return new Parsed(spec, problems);
  }

  /** Runs the spec plans: the product of its axes' lengths, times the repeats. */
  public long runCount() {
    long runs = repeats;
    for (Axis a : axes) runs *= a.size();
    return runs;
  }

  /**
   * {@code compare:} names pairs of cells for the report's verdict ({@link SweepPairs}); each side
   * must name swept keys and select at least one cell, so a typo fails now, not in the report.
   */
  private static void checkPairs(SweepSpec spec, List<String> problems) {
    String where = spec.document().where(SweepPairs.KEY) + ": " + SweepPairs.KEY;
    List<CellPair> pairs;
    try {
      pairs = SweepPairs.read(spec.document().tree().path(SweepPairs.KEY), where);
    } catch (IllegalArgumentException e) {
      problems.add(e.getMessage());
      return;
    }
    Set<String> swept = new HashSet<>();
    spec.axes().forEach(a -> swept.addAll(a.keys()));
    List<Map<String, Object>> cells =
        SweepPlan.of(spec, 0).cells().stream().map(SweepCell::plainValues).toList();
    for (int i = 0; i < pairs.size(); i++) {
      for (CellSelector side : List.of(pairs.get(i).a(), pairs.get(i).b())) {
        String at =
            where + " entry " + (i + 1) + " (" + (side == pairs.get(i).a() ? "a" : "b") + ")";
        List<String> unknown =
            side.values().keySet().stream().filter(k -> !swept.contains(k)).toList();
        if (!unknown.isEmpty()) {
          problems.add(
              at
                  + ": "
                  + String.join(", ", unknown)
                  + " is not a grid or zip key; swept: "
                  + new java.util.TreeSet<>(swept));
        } else if (cells.stream().noneMatch(side::matches)) {
          problems.add(at + ": no cell has " + side);
        }
      }
    }
  }

  private static boolean checkKey(
      String key, String at, String section, Set<String> used, List<String> problems) {
    if (!key.matches(KEY)) {
      problems.add(
          at
              + ": "
              + section
              + " key '"
              + key
              + "' must be a dotted config key, e.g. train.batchSize");
      return false;
    }
    if (RESERVED.contains(key)) {
      problems.add(
          at
              + ": "
              + section
              + " key '"
              + key
              + "' is set by the sweep (the run's name; train.seed from "
              + "'seed' and the repeat number; the cluster from 'workers')");
      return false;
    }
    if (!used.add(key)) {
      problems.add(
          at
              + ": key '"
              + key
              + "' appears twice in the spec (set, grid and zip keys must differ)");
      return false;
    }
    return true;
  }

  private static List<JsonNode> list(JsonNode array) {
    List<JsonNode> out = new ArrayList<>();
    array.forEach(out::add);
    return out;
  }
}

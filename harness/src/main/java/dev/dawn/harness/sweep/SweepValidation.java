package dev.dawn.harness.sweep;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.dawn.harness.config.ConfigException;
import dev.dawn.harness.config.ConfigLoader;
import dev.dawn.harness.config.WorkerLink;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Binds the config of every cell with the config loader's own rules before anything runs, so a bad
 * key or value anywhere in the spec stops the sweep with every problem listed (each naming the
 * spec's file and line, the key and the rule) instead of failing hours in: the spec's structural
 * problems, the base with the fixed settings, each axis value on its own (one bad value cannot hide
 * another), a sweep larger than the run cap, and then every run's whole config.
 */
public final class SweepValidation {
  /** How many runs a sweep may plan unless {@code --max-runs} says more. */
  public static final int DEFAULT_MAX_RUNS = 200;

  private SweepValidation() {}

  /**
   * @return the plan, every cell of which binds; throws {@link ConfigException} listing every
   *     problem otherwise
   */
  public static SweepPlan check(SweepSpec spec) {
    return check(new SweepSpec.Parsed(spec, List.of()), Integer.MAX_VALUE);
  }

  /**
   * @param parsed the spec as read, with its structural problems
   * @param maxRuns the most runs the sweep may plan ({@code --max-runs})
   * @return the plan, every cell of which binds; throws {@link ConfigException} listing every
   *     problem otherwise
   */
  public static SweepPlan check(SweepSpec.Parsed parsed, int maxRuns) {
    SweepSpec spec = parsed.spec();
    // one bad value shared by many cells is listed once
    Set<String> problems = new LinkedHashSet<>(parsed.problems());
    if (spec.base() == null) throw new ConfigException(new ArrayList<>(problems));
    ConfigLoader loader = new ConfigLoader();
    List<ConfigLoader.KeyValue> fixed = fixed(spec);
    ConfigLoader.Loaded base = null;
    try {
      base = loader.load(spec.base(), spec.scale(), List.of(), fixed);
    } catch (ConfigException e) {
      problems.addAll(e.problems());
    }
    // Each axis value on its own: a bad one in a cell would hide the others'.
    for (SweepSpec.Axis axis : spec.axes()) {
      for (int k = 0; k < axis.keys().size(); k++) {
        for (var value : axis.columns().get(k)) {
          List<ConfigLoader.KeyValue> one = new ArrayList<>(fixed);
          one.add(new ConfigLoader.KeyValue(axis.keys().get(k), value, axis.origins().get(k)));
          try {
            loader.load(spec.base(), spec.scale(), List.of(), one);
          } catch (ConfigException e) {
            problems.addAll(e.problems());
          }
        }
      }
    }
    long runs = spec.runCount();
    if (runs > maxRuns) {
      problems.add(
          spec.document().where("repeats")
              + ": the spec plans "
              + runs
              + " runs ("
              + String.join(" x ", spec.axes().stream().map(a -> a.size() + "").toList())
              + (spec.axes().isEmpty() ? "1 cell" : " cells")
              + " x "
              + spec.repeats()
              + " repeats), more than --max-runs "
              + maxRuns
              + ": shrink the grid, or raise --max-runs to run them all");
    }
    if (!problems.isEmpty()) throw new ConfigException(new ArrayList<>(problems));
    long firstSeed = spec.firstSeed() != null ? spec.firstSeed() : base.config().train().seed();
    SweepPlan plan = SweepPlan.of(spec, firstSeed);
    // Then every run's whole config: rules that tie keys together (e.g. phases and batch size).
    for (SweepCell cell : plan.cells()) {
      for (int r = 1; r <= plan.repeats(); r++) {
        try {
          var run = config(loader, spec, cell, r, firstSeed + r - 1);
          WorkerLink link = run.config().distributed().network();
          if (spec.workers() == 1 && !link.isLoopback()) {
            problems.add(
                run.where("distributed.network")
                    + ": key 'distributed.network' ("
                    + link
                    + ") joins the workers of a dawn launch; this spec runs each run as one dawn"
                    + " train: add 'workers: N' (N >= 2)");
          }
        } catch (ConfigException e) {
          problems.addAll(e.problems());
        }
      }
    }
    if (!problems.isEmpty()) throw new ConfigException(new ArrayList<>(problems));
    return plan;
  }

  /**
   * The networks the runs of {@code plan} join their workers with ({@code distributed.network}), in
   * the order cells first use them.
   */
  public static Set<WorkerLink> networks(SweepSpec spec, SweepPlan plan) {
    ConfigLoader loader = new ConfigLoader();
    Set<WorkerLink> links = new LinkedHashSet<>();
    for (SweepCell cell : plan.cells()) {
      links.add(config(loader, spec, cell, 1, plan.firstSeed()).config().distributed().network());
    }
    return links;
  }

  /**
   * The bound config of one run (what its {@code dawn train} child will bind again), with as many
   * workers as {@code dawn launch} will give it, so rules on the worker count (the global batch
   * splits over every worker) are checked too.
   */
  static ConfigLoader.Loaded config(
      ConfigLoader loader, SweepSpec spec, SweepCell cell, int repeat, long seed) {
    List<ConfigLoader.KeyValue> all = new ArrayList<>(settings(spec, cell, repeat, seed));
    if (spec.workers() > 1) {
      var workers = JsonNodeFactory.instance.arrayNode();
      for (int i = 0; i < spec.workers(); i++) workers.add("127.0.0.1:" + (20000 + i));
      all.add(
          new ConfigLoader.KeyValue(
              "distributed.workers", workers, spec.document().where("workers")));
    }
    return loader.load(spec.base(), spec.scale(), List.of(), all);
  }

  /**
   * Fixed overrides, the cell's values, the repeat's seed and the run's name, in the order they are
   * laid.
   */
  static List<ConfigLoader.KeyValue> settings(
      SweepSpec spec, SweepCell cell, int repeat, long seed) {
    List<ConfigLoader.KeyValue> all = new ArrayList<>(fixed(spec));
    all.addAll(cell.settings());
    String at = spec.document().where("repeats") + " (repeat " + repeat + ")";
    all.add(new ConfigLoader.KeyValue("train.seed", JsonNodeFactory.instance.numberNode(seed), at));
    all.add(
        new ConfigLoader.KeyValue(
            "name",
            JsonNodeFactory.instance.textNode(
                SweepPlan.runName(spec.name(), cell.number(), repeat)),
            spec.document().where("name")));
    return all;
  }

  private static List<ConfigLoader.KeyValue> fixed(SweepSpec spec) {
    return spec.fixed().stream()
        .map(s -> new ConfigLoader.KeyValue(s.key(), s.value(), s.origin()))
        .toList();
  }
}

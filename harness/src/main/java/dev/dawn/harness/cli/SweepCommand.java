package dev.dawn.harness.cli;

import dev.dawn.harness.config.WorkerLink;
import dev.dawn.harness.project.HardwareFile;
import dev.dawn.harness.sweep.ChildTrainLauncher;
import dev.dawn.harness.sweep.PlannedTime;
import dev.dawn.harness.sweep.SweepFolder;
import dev.dawn.harness.sweep.SweepPlan;
import dev.dawn.harness.sweep.SweepRunner;
import dev.dawn.harness.sweep.SweepSpec;
import dev.dawn.harness.sweep.SweepValidation;
import dev.dawn.harness.train.ProgressLine;
import dev.dawn.reporters.leaderboard.LeaderboardFigures;
import dev.dawn.reporters.sweep.SweepFiles;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "sweep",
    mixinStandardHelpOptions = true,
    description = {
      "Train every cell of a grid of config settings, each several times with different seeds, and summarise time "
          + "to target per cell with its spread.",
      "",
      "SPEC.yaml names a base config ('base:', relative to the spec's folder), fixed overrides ('set:'), a 'grid:' "
          + "of dotted config keys to lists of values, 'zip:' groups of keys that move together (a batch size with "
          + "its learning rate), 'repeats:' and the first 'seed:' (repeat r trains with train.seed = seed + r - 1). "
          + "Every cell's config is checked before the first run; a bad key or value stops the sweep with every "
          + "problem listed (file:line, key, rule), as does a spec that plans more runs than --max-runs "
          + "(default 200). When the runs' epoch budgets add up to more than an hour, the planned training "
          + "time is printed before the first run (projected from reference-configs/hardware/cpu.yaml).",
      "",
      "Runs are interleaved (repeat 1 of every cell, then repeat 2, ...), each a 'dawn train' child process with "
          + "its own run folder. A run that fails, diverges or misses the target is recorded and the sweep goes on. "
          + "With 'workers: N' each run is a 'dawn launch --workers N' instead: N worker processes on this machine "
          + "training together.",
      "",
      "Writes results/sweeps/<timestamp>-<name>/: spec.yaml, base-config.yaml, sweep-events.jsonl (the sweep's "
          + "append-only log), runs/ (the run folders), logs/ (each run's output), runs.csv (one row per run), "
          + "summary.csv (one row per cell: n, median, mean, olympic mean, min, max, stdev, 95%% bootstrap interval "
          + "of the median; a run that missed the target counts as infinitely slow) and "
          + "time-to-target-vs-<key>.png per numeric grid key.",
      "",
      "Exit status: 0 every planned run ran (whatever its result), 2 bad spec or config, 1 other failure."
    },
    footer = {
      "",
      "Examples:",
      "  bin/dawn sweep reference-configs/sweeps/momentum-vs-lars.yaml",
      "  bin/dawn sweep --resume results/sweeps/20261130-061500-momentum-vs-lars"
    })
final class SweepCommand implements Callable<Integer> {
  @ArgGroup(exclusive = true, multiplicity = "1")
  What what;

  static final class What {
    @Parameters(
        paramLabel = "SPEC.yaml",
        description = "The sweep spec (see reference-configs/sweeps/ and docs/sweeps.md).")
    Path spec;

    @Option(
        names = "--resume",
        paramLabel = "SWEEP_DIR",
        description =
            "Continue a sweep folder: run only the runs it has not finished (a run cut off by a kill is run "
                + "again; finished runs are kept). Uses the spec and base config saved in the folder.")
    Path resume;
  }

  @Option(
      names = "--results",
      paramLabel = "DIR",
      defaultValue = "results",
      description =
          "Where sweep folders go (DIR/sweeps/<timestamp>-<name>/). Default: ${DEFAULT-VALUE}.")
  Path results;

  @Option(
      names = "--max-runs",
      paramLabel = "N",
      defaultValue = "" + SweepValidation.DEFAULT_MAX_RUNS,
      description =
          "The most runs the spec may plan (cells x repeats); a larger sweep is refused before anything "
              + "runs. Default: ${DEFAULT-VALUE}.")
  int maxRuns;

  @Option(
      names = WorkerIsolation.EXPOSE_PORTS,
      description =
          "With 'workers: N': start each run's workers without a private network namespace (dawn launch "
              + "--expose-ports), their ports open at every address of this machine. Without it, a sweep of "
              + "several workers where no namespace can be made is refused before its first run.")
  boolean exposePorts;

  @Override
  public Integer call() throws Exception {
    if (maxRuns < 1) throw new BadInputException("--max-runs " + maxRuns + ": must be >= 1");
    ProgressLine progress = ProgressLine.forStdout(Integer.MAX_VALUE);
    SweepSpec spec;
    Path dir;
    SweepPlan plan;
    if (what.resume != null) {
      if (!SweepFolder.isSweepFolder(what.resume)) {
        throw new BadInputException(
            "--resume "
                + what.resume
                + ": not a sweep folder (it needs "
                + SweepFolder.SPEC_FILE
                + " and "
                + SweepFolder.BASE_CONFIG_FILE
                + ", as 'dawn sweep' writes them)");
      }
      dir = what.resume;
      spec = SweepFolder.savedSpec(dir);
      plan = SweepValidation.check(new SweepSpec.Parsed(spec, List.of()), maxRuns);
      requireIsolation(spec, plan);
    } else {
      // every problem of the spec at once, and every cell binds, before the folder or any run
      SweepSpec.Parsed parsed = SweepSpec.parse(what.spec, null);
      plan = SweepValidation.check(parsed, maxRuns);
      spec = parsed.spec();
      requireIsolation(spec, plan);
      dir = SweepFolder.create(results, spec, LocalDateTime.now()).dir();
      spec = SweepFolder.savedSpec(dir);
    }
    progress.message(
        String.format(
            Locale.ROOT,
            "sweep %s: %d cells x %d repeats = %d runs, folder %s",
            spec.name(),
            plan.cells().size(),
            plan.repeats(),
            plan.runs().size(),
            dir));
    SweepSpec planned = spec;
    int runs = plan.runs().size();
    PlannedTime.hours(spec, plan)
        .filter(hours -> hours > 1)
        .ifPresent(
            hours ->
                progress.message(
                    String.format(
                        Locale.ROOT,
                        "sweep %s: planned training time up to %s for %d runs (each run to its"
                            + " epoch budget, projected from %s's measured images/s; a run that"
                            + " reaches the target stops sooner); Ctrl-C stops the sweep, --resume"
                            + " continues it",
                        planned.name(),
                        LeaderboardFigures.duration(hours),
                        runs,
                        HardwareFile.DEFAULT_DIR.resolve(PlannedTime.HARDWARE + ".yaml"))));
    // 'workers: N' runs every run on N local worker processes (dawn launch) instead of one.
    ChildTrainLauncher launcher =
        spec.workers() > 1
            ? new ChildTrainLauncher(
                DawnCli.class.getName(),
                exposePorts
                    ? List.of(
                        "launch",
                        "--workers",
                        Integer.toString(spec.workers()),
                        WorkerIsolation.EXPOSE_PORTS)
                    : List.of("launch", "--workers", Integer.toString(spec.workers())))
            : new ChildTrainLauncher(DawnCli.class.getName());
    var outcome = new SweepRunner(spec, plan, dir, launcher, progress).run();
    progress.message(
        String.format(
            Locale.ROOT,
            "sweep %s: %d runs recorded (%s); summary in %s",
            spec.name(),
            outcome.planned(),
            outcome.statuses().toString().replaceAll("[{}]", ""),
            dir.resolve(SweepFiles.SUMMARY_CSV)));
    return 0;
  }

  /**
   * Runs of several workers each make a private network namespace, or an emulated network where
   * {@code distributed.network} is a rate: a machine where they cannot be made is refused before
   * the first run (a private namespace unless the ports may be exposed), not at every run.
   */
  private void requireIsolation(SweepSpec spec, SweepPlan plan) {
    if (spec.workers() == 1) return;
    boolean emulationChecked = false;
    for (WorkerLink link : SweepValidation.networks(spec, plan)) {
      if (exposePorts) {
        WorkerIsolation.refuseExposedEmulation(link);
      } else if (link.isLoopback()) {
        try (var probe = WorkerIsolation.privateNetwork()) {
          // made and removed: the launches will be able to make theirs
        }
      } else if (!emulationChecked) {
        try (var probe = WorkerIsolation.emulatedNetwork(spec.workers(), link)) {
          // made and removed: every rate is made the same way
        }
        emulationChecked = true;
      }
    }
  }
}

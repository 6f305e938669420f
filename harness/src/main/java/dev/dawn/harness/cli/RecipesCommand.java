package dev.dawn.harness.cli;

import dev.dawn.harness.recipes.MeasuredRun;
import dev.dawn.harness.recipes.ReferenceRecipe;
import dev.dawn.reporters.leaderboard.LeaderboardFigures;
import dev.dawn.reporters.record.EvaluationPoint;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "recipes",
    mixinStandardHelpOptions = true,
    description = {
      "List the reference recipes: the published result each reproduces (time, metric, hardware, source) and "
          + "beside it our latest run of its CPU-scaled form (found by the scaled config's name in results/runs)."
    },
    footer = {
      "",
      "Run a scaled form with: bin/dawn train --config reference-configs/<file> --scale cpu"
    })
final class RecipesCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--configs",
      paramLabel = "DIR",
      defaultValue = "reference-configs",
      description = "Folder of reference configs. Default: ${DEFAULT-VALUE}.")
  Path configs;

  @Option(
      names = "--results",
      paramLabel = "DIR",
      defaultValue = "results",
      description = "Where run folders are (DIR/runs/). Default: ${DEFAULT-VALUE}.")
  Path results;

  @Override
  public Integer call() throws Exception {
    if (!Files.isDirectory(configs)) {
      throw new BadInputException(
          "--configs " + configs + ": no such folder (run from the repository root or name it)");
    }
    PrintWriter out = spec.commandLine().getOut();
    var recipes = ReferenceRecipe.all(configs);
    if (recipes.isEmpty()) {
      out.println("no *.yaml configs in " + configs);
      return 0;
    }
    for (ReferenceRecipe r : recipes) {
      out.println(r.name() + "  (" + r.file().getFileName() + ")");
      out.println(
          "  published:  "
              + r.note("published").orElse("-")
              + r.note("metric").map(m -> " to " + m).orElse("")
              + r.note("hardware").map(h -> " on " + h).orElse("")
              + r.note("date").map(d -> ", " + d).orElse(""));
      r.note("source").ifPresent(s -> out.println("  source:     " + s));
      String runName = r.scaledName().orElse(r.name());
      out.println("  ours (" + runName + "): " + measured(runName));
      out.println();
    }
    out.flush();
    return 0;
  }

  private String measured(String runName) {
    Optional<MeasuredRun> run;
    try {
      run = MeasuredRun.latest(results, runName);
    } catch (java.io.IOException | RuntimeException e) {
      return "latest run unreadable: " + e.getMessage();
    }
    if (run.isEmpty()) return "not run yet";
    var record = run.get().record();
    String metric = record.entry().metric();
    String where = " [" + run.get().folder().getFileName() + "]";
    var target = record.targetEvaluation();
    if (target.isPresent()) {
      EvaluationPoint e = target.get();
      return String.format(
          Locale.ROOT,
          "%s to %s >= %s (epoch %s, %.2f%%)%s",
          LeaderboardFigures.duration(e.hours()),
          metric,
          percent(record.entry().threshold()),
          EvaluationPoint.epochLabel(e.epoch()),
          e.metric(metric),
          where);
    }
    String best =
        record
            .bestEvaluation()
            .map(
                e ->
                    String.format(
                        Locale.ROOT,
                        ", best %.2f%% at epoch %s",
                        e.metric(metric),
                        EvaluationPoint.epochLabel(e.epoch())))
            .orElse(", nothing evaluated");
    return "target "
        + metric
        + " >= "
        + percent(record.entry().threshold())
        + " not reached ("
        + record.status()
        + best
        + ")"
        + where;
  }

  /** 93.0 as "93", 93.5 as "93.5": the way the reference configs write their targets. */
  private static String percent(double value) {
    return java.math.BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
  }
}

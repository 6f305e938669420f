package dev.dawn.reporters.html;

import static dev.dawn.reporters.html.text.HtmlText.escape;

import dev.dawn.reporters.charts.AccuracyComparisonChart;
import dev.dawn.reporters.charts.ChartEncoder;
import dev.dawn.reporters.charts.LatencyCharts;
import dev.dawn.reporters.charts.RunCurve;
import dev.dawn.reporters.charts.StepCharts;
import dev.dawn.reporters.charts.StepCurve;
import dev.dawn.reporters.dawnbench.DawnbenchEntry;
import dev.dawn.reporters.events.EventLogReader;
import dev.dawn.reporters.events.InferenceVariantResult;
import dev.dawn.reporters.inference.InferenceRunRecord;
import dev.dawn.reporters.latency.ImageLatency;
import dev.dawn.reporters.leaderboard.LeaderboardFigures;
import dev.dawn.reporters.profile.OpProfile;
import dev.dawn.reporters.profile.OpTime;
import dev.dawn.reporters.profile.ProfileChart;
import dev.dawn.reporters.profile.ProfileExporter;
import dev.dawn.reporters.record.RunRecord;
import dev.dawn.reporters.run.RunDirectory;
import dev.dawn.reporters.run.RunExporter;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * One self-contained HTML page comparing runs: summary table, machine comparability warning,
 * overlaid accuracy curves, loss and learning rate against step, the variants of inference runs
 * with their per-image latency CDF, config and environment differences, and relative links to each
 * run's files. Inline CSS and SVG only: no script, no network. Every string from a run's files is
 * escaped.
 */
public final class ComparisonReport {
  private static final String CSS =
      """
            body{font-family:system-ui,sans-serif;margin:2em;color:#222}
            table{border-collapse:collapse;margin:0 0 1.5em}
            th,td{border:1px solid #ccc;padding:4px 8px;text-align:left;vertical-align:top}
            td.num{text-align:right;font-variant-numeric:tabular-nums}
            th{background:#f3f3f3}
            .warning{border:2px solid #c00;background:#fee;padding:.5em 1em;margin:1em 0}
            .status-success{color:#070}.status-killed,.status-diverged,.status-failed{color:#b00}
            tr.differs td{background:#fff6d5}
            svg{max-width:100%;height:auto;display:block;margin:0 0 1.5em}
            code{font-size:90%}
            """;

  private ComparisonReport() {}

  /** Renders the page; links are relative to {@code outFile}'s folder. */
  public static String render(List<RunDirectory> runs, Path outFile) {
    return render(runs, List.of(), outFile);
  }

  /** Training runs compared side by side, then the dawn infer runs' variants. */
  public static String render(
      List<RunDirectory> runs, List<InferenceRunRecord> inference, Path outFile) {
    return render(runs, inference, List.of(), outFile);
  }

  /**
   * As above, with a section for each sweep folder in {@code sweeps} (summary per cell and charts).
   */
  public static String render(
      List<RunDirectory> runs,
      List<InferenceRunRecord> inference,
      List<Path> sweeps,
      Path outFile) {
    if (runs.isEmpty() && inference.isEmpty() && sweeps.isEmpty()) {
      throw new IllegalArgumentException("a comparison report needs at least one run");
    }
    Path base = outFile.toAbsolutePath().normalize().getParent();
    StringBuilder h = new StringBuilder();
    h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<title>dawn run comparison (")
        .append(runs.size())
        .append(runs.size() == 1 ? " run" : " runs")
        .append(")</title>\n<style>\n")
        .append(CSS)
        .append("</style>\n</head>\n<body>\n")
        .append("<h1>Run comparison</h1>\n<p>")
        .append(runs.size())
        .append(runs.size() == 1 ? " run" : " runs")
        .append(
            ". Times are training hours to the first evaluation at or above the target (evaluation excluded),")
        .append(" shown as H:MM:SS like the DAWNBench leaderboard.</p>\n");
    if (!runs.isEmpty()) {
      comparability(h, runs);
      summary(h, runs);
      accuracy(h, runs);
      steps(h, runs);
    }
    inferenceRuns(h, inference);
    List<Path> dirs = new ArrayList<>();
    runs.forEach(r -> dirs.add(r.dir()));
    inference.forEach(r -> dirs.add(r.dir()));
    opProfiles(h, dirs);
    SweepSection.append(h, sweeps);
    if (!runs.isEmpty()) {
      configDiff(h, runs);
      environment(h, runs);
      files(h, runs, base);
    }
    return h.append("</body>\n</html>\n").toString();
  }

  private static void comparability(StringBuilder h, List<RunDirectory> runs) {
    List<String> problems = new ArrayList<>();
    for (String key : RunDirectory.MACHINE_KEYS) {
      List<String> values =
          runs.stream().map(r -> r.environment().getOrDefault(key, "(unknown)")).toList();
      if (values.stream().distinct().count() > 1) {
        StringBuilder p = new StringBuilder("<li><code>").append(escape(key)).append("</code>: ");
        for (int i = 0; i < runs.size(); i++) {
          p.append(i == 0 ? "" : "; ")
              .append(escape(values.get(i)))
              .append(" (")
              .append(escape(runs.get(i).id()))
              .append(')');
        }
        problems.add(p.append("</li>").toString());
      }
    }
    if (!problems.isEmpty()) {
      h.append(
              "<div class=\"warning\" id=\"not-comparable\"><strong>Not comparable:</strong> these runs were measured")
          .append(
              " on different machines, so their times and costs cannot be compared directly.\n<ul>\n");
      problems.forEach(p -> h.append(p).append('\n'));
      h.append("</ul></div>\n");
    }
  }

  private static void summary(StringBuilder h, List<RunDirectory> runs) {
    h.append(
            "<h2>Summary</h2>\n<table id=\"summary\">\n<thead><tr><th>Run</th><th>Model</th><th>Author</th><th>Status</th>")
        .append(
            "<th>Time to target (H:MM:SS)</th><th>Epochs evaluated</th><th>Best accuracy (%)</th>")
        .append("<th>Cost to target (USD)</th>");
    h.append("</tr></thead>\n<tbody>\n");
    for (RunDirectory r : runs) {
      RunRecord rec = r.record();
      DawnbenchEntry e = rec.entry();
      OptionalDouble hours = rec.hoursToTarget();
      OptionalDouble cost = rec.costToTarget();
      OptionalDouble best = rec.epochs().stream().mapToDouble(ep -> ep.metric(e.metric())).max();
      String status = rec.status() + (rec.reason() == null ? "" : " (" + rec.reason() + ")");
      h.append("<tr><td><code>")
          .append(escape(r.id()))
          .append("</code></td><td>")
          .append(escape(e.model()))
          .append("</td><td>")
          .append(escape(e.author()))
          .append("</td><td class=\"status-")
          .append(escape(rec.status().replaceAll("[^A-Za-z0-9_-]", "")))
          .append("\">")
          .append(escape(status))
          .append("</td><td class=\"num\">")
          .append(
              hours.isPresent() ? LeaderboardFigures.duration(hours.getAsDouble()) : "not reached")
          .append("</td><td class=\"num\">")
          .append(rec.epochs().size())
          .append("</td><td class=\"num\">")
          .append(
              best.isPresent()
                  ? fmt(best.getAsDouble(), 2) + " " + escape(metricName(e.metric()))
                  : "")
          .append("</td><td class=\"num\">")
          .append(cost.isPresent() ? LeaderboardFigures.dollars(cost.getAsDouble()) : "")
          .append("</td>");
      h.append("</tr>\n");
    }
    h.append("</tbody>\n</table>\n");
  }

  private static void accuracy(StringBuilder h, List<RunDirectory> runs) {
    // Runs may have different gates (CIFAR10 top-1, ImageNet top-5): one chart per metric and
    // threshold.
    Map<String, List<RunDirectory>> byGate = new LinkedHashMap<>();
    for (RunDirectory r : runs) {
      DawnbenchEntry e = r.record().entry();
      byGate.computeIfAbsent(e.metric() + "\u0000" + e.threshold(), k -> new ArrayList<>()).add(r);
    }
    h.append("<h2>Accuracy</h2>\n");
    int n = 0;
    for (List<RunDirectory> group : byGate.values()) {
      DawnbenchEntry e = group.get(0).record().entry();
      List<RunCurve> curves =
          group.stream().map(r -> new RunCurve(r.id(), r.record().epochs())).toList();
      h.append(
              ChartEncoder.inlineSvg(
                  AccuracyComparisonChart.build(
                      metricName(e.metric()) + " accuracy against training time",
                      curves,
                      e.metric(),
                      e.threshold()),
                  "acc" + (++n) + "-"))
          .append('\n');
    }
  }

  private static void steps(StringBuilder h, List<RunDirectory> runs) {
    List<StepCurve> curves =
        runs.stream()
            .filter(r -> !r.steps().isEmpty())
            .map(r -> new StepCurve(r.id(), r.steps()))
            .toList();
    h.append("<h2>Loss and learning rate</h2>\n");
    if (curves.isEmpty()) {
      h.append("<p>No run logged <code>train_step</code> events.</p>\n");
      return;
    }
    h.append(ChartEncoder.inlineSvg(StepCharts.loss("Training loss against step", curves), "loss-"))
        .append('\n');
    h.append(
            ChartEncoder.inlineSvg(
                StepCharts.learningRate("Learning rate against step", curves), "lr-"))
        .append('\n');
  }

  /**
   * DAWNBench batch-1 latency of every variant of every dawn infer run, and the per-image latency
   * CDFs.
   */
  private static void inferenceRuns(StringBuilder h, List<InferenceRunRecord> inference) {
    if (inference.isEmpty()) {
      return;
    }
    h.append(
            "<h2>Inference runs</h2>\n<p>Batch 1: every validation image classified one at a time; latency =")
        .append(
            " total model time / images (DAWNBench); percentiles by nearest rank (LoadGen).</p>\n")
        .append(
            "<table id=\"inference\">\n<thead><tr><th>Run</th><th>Variant</th><th>Model</th><th>px</th>")
        .append(
            "<th>Images</th><th>Latency ms</th><th>p50 ms</th><th>p99 ms</th><th>With preprocessing ms</th>")
        .append("<th>Top-1 %</th><th>Top-5 %</th><th>GFLOPs</th></tr></thead>\n<tbody>\n");
    Map<String, List<ImageLatency>> curves = new LinkedHashMap<>();
    for (InferenceRunRecord r : inference) {
      for (InferenceVariantResult v : r.variants()) {
        h.append("<tr><td><code>")
            .append(escape(r.id()))
            .append("</code></td><td>")
            .append(escape(v.variant()))
            .append("</td><td>")
            .append(escape(v.model()))
            .append("</td><td class=\"num\">")
            .append(v.resolution())
            .append("</td><td class=\"num\">")
            .append(v.images())
            .append("</td>");
        for (double x :
            new double[] {
              v.latencyMs(),
              v.latencyP50Ms(),
              v.latencyP99Ms(),
              v.latencyWithPreprocessMs(),
              v.top1Accuracy(),
              v.top5Accuracy(),
              v.gflops()
            }) {
          h.append("<td class=\"num\">").append(fmt(x, 3)).append("</td>");
        }
        h.append("</tr>\n");
      }
      r.perImage().forEach((label, images) -> curves.put(r.id() + " " + label, images));
    }
    h.append("</tbody>\n</table>\n");
    if (!curves.isEmpty()) {
      h.append(
              ChartEncoder.inlineSvg(
                  LatencyCharts.cdf("Per-image batch-1 latency, cumulative", curves), "icdf-"))
          .append('\n');
    }
  }

  /** Runs traced with --profile: time per op type, and each profile's slowest ops. */
  private static void opProfiles(StringBuilder h, List<Path> dirs) {
    boolean heading = false;
    int chart = 0;
    for (Path dir : dirs) {
      Path events = dir.resolve("events.jsonl");
      List<OpProfile> profiles =
          Files.isRegularFile(events)
              ? ProfileExporter.profiles(EventLogReader.read(events))
              : List.of();
      if (profiles.isEmpty()) {
        continue;
      }
      if (!heading) {
        h.append(
                "<h2>Op profiles</h2>\n<p>Traced steps (TensorFlow FULL_TRACE step stats); share = the op's part")
            .append(" of the summed op time (ops on parallel threads each count in full).</p>\n");
        heading = true;
      }
      String id = dir.getFileName().toString();
      h.append("<h3><code>")
          .append(escape(id))
          .append("</code></h3>\n")
          .append(
              ChartEncoder.inlineSvg(
                  ProfileChart.byOpType("Time per op type: " + id, profiles),
                  "prof" + (chart++) + "-"))
          .append('\n');
      for (OpProfile p : profiles) {
        h.append("<table class=\"profile\">\n<caption>")
            .append(escape(p.label()))
            .append(": ")
            .append(p.steps())
            .append(" steps, ")
            .append(fmt(p.meanStepMicros() / 1000, 3))
            .append(
                " ms per traced step</caption>\n<thead><tr><th>Op</th><th>Type</th><th>Calls</th>")
            .append("<th>Mean µs</th><th>Share %</th></tr></thead>\n<tbody>\n");
        for (OpTime op : p.ops().subList(0, Math.min(15, p.ops().size()))) {
          h.append("<tr><td><code>")
              .append(escape(op.name()))
              .append("</code></td><td>")
              .append(escape(op.type()))
              .append("</td><td class=\"num\">")
              .append(op.calls())
              .append("</td><td class=\"num\">")
              .append(fmt(op.meanMicros(), 1))
              .append("</td><td class=\"num\">")
              .append(fmt(100 * p.share(op), 1))
              .append("</td></tr>\n");
        }
        h.append("</tbody>\n</table>\n");
      }
    }
  }

  private static void configDiff(StringBuilder h, List<RunDirectory> runs) {
    h.append("<h2>Config differences</h2>\n");
    List<Map<String, String>> configs = runs.stream().map(RunDirectory::config).toList();
    if (runs.size() < 2) {
      h.append("<p>Only one run: nothing to compare.</p>\n");
      return;
    }
    List<ConfigDiff.Row> rows = ConfigDiff.differing(configs);
    if (rows.isEmpty()) {
      h.append("<p id=\"config-same\">All runs have the same effective config.</p>\n");
      return;
    }
    diffTable(h, "config-diff", runs, rows, List.of());
  }

  private static void environment(StringBuilder h, List<RunDirectory> runs) {
    h.append("<h2>Environment</h2>\n");
    List<Map<String, String>> envs = runs.stream().map(RunDirectory::environment).toList();
    List<ConfigDiff.Row> rows = runs.size() < 2 ? List.of() : ConfigDiff.differing(envs);
    if (rows.isEmpty()) {
      h.append("<p>")
          .append(runs.size() < 2 ? "One run." : "Same environment for all runs.")
          .append("</p>\n");
    } else {
      diffTable(h, "environment-diff", runs, rows, RunDirectory.MACHINE_KEYS);
    }
    List<String> same = ConfigDiff.same(envs);
    if (!same.isEmpty()) {
      h.append("<details><summary>")
          .append(runs.size() < 2 ? "Environment" : "Identical on all runs")
          .append(" (")
          .append(same.size())
          .append(" keys)</summary>\n<table id=\"environment-same\">\n");
      for (String k : same) {
        h.append("<tr><th>")
            .append(escape(k))
            .append("</th><td>")
            .append(escape(envs.get(0).get(k)))
            .append("</td></tr>\n");
      }
      h.append("</table></details>\n");
    }
  }

  private static void diffTable(
      StringBuilder h,
      String id,
      List<RunDirectory> runs,
      List<ConfigDiff.Row> rows,
      List<String> highlighted) {
    h.append("<table id=\"").append(id).append("\">\n<thead><tr><th>Key</th>");
    runs.forEach(r -> h.append("<th><code>").append(escape(r.id())).append("</code></th>"));
    h.append("</tr></thead>\n<tbody>\n");
    for (ConfigDiff.Row row : rows) {
      h.append(highlighted.contains(row.key()) ? "<tr class=\"differs\">" : "<tr>")
          .append("<th><code>")
          .append(escape(row.key()))
          .append("</code></th>");
      for (String v : row.values()) {
        h.append("<td>").append(v == null ? "<em>absent</em>" : escape(v)).append("</td>");
      }
      h.append("</tr>\n");
    }
    h.append("</tbody>\n</table>\n");
  }

  private static void files(StringBuilder h, List<RunDirectory> runs, Path base) {
    h.append("<h2>Files</h2>\n<ul id=\"files\">\n");
    for (RunDirectory r : runs) {
      String basename = r.record().entry().fileBasename();
      List<String> names =
          List.of(
              RunExporter.EVENTS_FILE,
              RunDirectory.CONFIG_FILE,
              RunDirectory.ENVIRONMENT_FILE,
              basename + ".tsv",
              basename + ".json",
              RunExporter.METRICS_CSV,
              RunExporter.ACCURACY_PNG);
      h.append("<li><code>").append(escape(r.id())).append("</code>:");
      for (String name : names) {
        Path f = r.dir().resolve(name);
        if (Files.isRegularFile(f)) {
          h.append(" <a href=\"")
              .append(escape(relativeUrl(base, f)))
              .append("\">")
              .append(escape(name))
              .append("</a>");
        }
      }
      h.append("</li>\n");
    }
    h.append("</ul>\n");
  }

  /** A relative URL from the report's folder, each path segment percent-encoded. */
  static String relativeUrl(Path base, Path file) {
    Path rel = base.relativize(file.toAbsolutePath().normalize());
    String path = rel.toString().replace(java.io.File.separatorChar, '/');
    try {
      return new URI(null, null, path, null).getRawPath().replace("?", "%3F").replace("#", "%23");
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("cannot link " + file + " from " + base, e);
    }
  }

  private static String metricName(String metric) {
    return metric.equals("top1Accuracy") ? "top-1" : "top-5";
  }

  private static String fmt(double x, int decimals) {
    return String.format(Locale.ROOT, "%." + decimals + "f", x);
  }
}

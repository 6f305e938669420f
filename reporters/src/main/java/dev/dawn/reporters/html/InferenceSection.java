package dev.dawn.reporters.html;

import static dev.dawn.reporters.html.text.HtmlText.escape;

import dev.dawn.reporters.charts.LatencyCharts;
import dev.dawn.reporters.dawnbench.AccuracyTarget;
import dev.dawn.reporters.dawnbench.Dataset;
import dev.dawn.reporters.events.InferenceVariantResult;
import dev.dawn.reporters.html.HtmlTable.Cell;
import dev.dawn.reporters.inference.AccuracyMark;
import dev.dawn.reporters.inference.AccuracyMarks;
import dev.dawn.reporters.inference.InferenceRunRecord;
import dev.dawn.reporters.inference.TopAccuracy;
import dev.dawn.reporters.inference.VariantSettings;
import dev.dawn.reporters.latency.ImageLatency;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The variants of the {@code dawn infer} runs: DAWNBench batch-1 latency, accuracy and its change
 * against fp32 of the same model, a mark ({@link AccuracyMark}) where a variant lost accuracy or is
 * under the task's target, and the settings that differ between rows (those all rows share are said
 * once above the table). Then the per-image latency CDF of every variant.
 */
final class InferenceSection {
  private InferenceSection() {}

  /** One variant of one run. */
  record Row(InferenceRunRecord run, InferenceVariantResult variant) {
    /** Variants of the same weights, model, resolution and pruning share an fp32 reference. */
    List<Object> model() {
      return AccuracyMarks.model(run.weights(), variant);
    }

    TopAccuracy accuracy() {
      return AccuracyMarks.accuracy(variant);
    }

    AccuracyTarget target() {
      // A run without DAWNBench fields (random weights) is held to ImageNet's gate, the task of
      // the nets it measures.
      return run.target() != null
          ? run.target()
          : new AccuracyTarget(Dataset.IMAGENET.metric(), Dataset.IMAGENET.threshold());
    }
  }

  static void table(StringBuilder h, List<InferenceRunRecord> runs, double top1BudgetPoints) {
    List<Row> rows = new ArrayList<>();
    runs.forEach(r -> r.variants().forEach(v -> rows.add(new Row(r, v))));
    if (rows.isEmpty()) {
      return;
    }
    List<Map<String, String>> settings =
        rows.stream().map(r -> VariantSettings.of(r.run(), r.variant())).toList();
    List<String> differing = new ArrayList<>();
    Map<String, String> shared = new LinkedHashMap<>();
    for (String key : settings.get(0).keySet()) {
      Set<String> values = new LinkedHashSet<>();
      settings.forEach(s -> values.add(s.get(key)));
      if (values.size() > 1) {
        differing.add(key);
      } else {
        shared.put(key, values.iterator().next());
      }
    }
    h.append("<h2>Inference runs</h2>\n<p>Batch 1: every validation image classified one at a")
        .append(" time; latency = total model time / images (DAWNBench); percentiles by nearest")
        .append(" rank (LoadGen). Accuracy change against fp32 of the same weights, model,")
        .append(" resolution and pruning; a variant is marked when its top-1 fell more than ")
        .append(escape(ReportFigures.fixed(top1BudgetPoints, 2)))
        .append(" points below fp32, or when it is under the task's target (then it is not a")
        .append(" DAWNBench inference result).</p>\n");
    if (!shared.isEmpty()) {
      h.append("<p id=\"inference-shared\">Every row measured with: ");
      List<String> parts = new ArrayList<>();
      shared.forEach((k, v) -> parts.add(escape(k) + " <code>" + escape(v) + "</code>"));
      h.append(String.join("; ", parts)).append(".</p>\n");
    }
    List<String> header =
        new ArrayList<>(
            List.of(
                "Variant",
                "Model (px)",
                "Latency ms (p50, p99)",
                "With preprocessing ms",
                "Top-1 % (vs fp32)",
                "Top-5 % (vs fp32)",
                "GFLOPs",
                "Mark"));
    header.addAll(differing);
    HtmlTable t = new HtmlTable("inference", header);
    List<String> markedRows = new ArrayList<>();
    InferenceRunRecord current = null;
    for (int i = 0; i < rows.size(); i++) {
      Row row = rows.get(i);
      if (row.run() != current) {
        current = row.run();
        t.groupRow(
            "<code>"
                + escape(current.id())
                + "</code> <span class=\"note\">"
                + row.variant().images()
                + " images"
                + (current.weights() == null ? "" : "; weights " + escape(current.weights()))
                + "</span>");
      }
      InferenceVariantResult v = row.variant();
      TopAccuracy fp32 = fp32(row, rows);
      AccuracyMark mark = AccuracyMark.of(row.accuracy(), fp32, top1BudgetPoints, row.target());
      List<Cell> cells =
          new ArrayList<>(
              List.of(
                  Cell.shortText(v.variant()),
                  Cell.shortText(v.model() + " (" + v.resolution() + ")"),
                  Cell.html(
                      ReportFigures.fixed(v.latencyMs(), 3)
                          + "<small>"
                          + ReportFigures.fixed(v.latencyP50Ms(), 3)
                          + ", "
                          + ReportFigures.fixed(v.latencyP99Ms(), 3)
                          + "</small>",
                      "num"),
                  Cell.num(ReportFigures.fixed(v.latencyWithPreprocessMs(), 3)),
                  Cell.html(accuracy(v.top1Accuracy(), mark.top1Change()), "num"),
                  Cell.html(accuracy(v.top5Accuracy(), mark.top5Change()), "num"),
                  Cell.num(ReportFigures.fixed(v.gflops(), 3)),
                  mark.marked()
                      ? Cell.html("&#9888; " + escape(String.join("; ", mark.words())), "mark")
                      : Cell.text("")));
      for (String key : differing) {
        cells.add(Cell.html(escape(settings.get(i).get(key)), "setting"));
      }
      t.row(cells, mark.marked() ? "marked" : null);
      if (mark.marked()) {
        markedRows.add(
            escape(row.run().id() + " " + v.variant())
                + ": "
                + escape(String.join("; ", mark.words())));
      }
    }
    // The marks first: the table below can be long.
    h.append("<p id=\"inference-marks\">")
        .append(markedRows.size())
        .append(" of ")
        .append(rows.size())
        .append(rows.size() == 1 ? " variant" : " variants")
        .append(" marked")
        .append(markedRows.isEmpty() ? "." : ":")
        .append("</p>\n");
    if (!markedRows.isEmpty()) {
      h.append("<ul class=\"marks\">");
      markedRows.forEach(m -> h.append("<li>&#9888; ").append(m).append("</li>"));
      h.append("</ul>\n");
    }
    h.append(t.render());
  }

  /** HTML: an accuracy and, below it, its change against fp32 (none without a reference). */
  private static String accuracy(double percent, double change) {
    String c = ReportFigures.points(change);
    return ReportFigures.fixed(percent, 2) + (c.isEmpty() ? "" : "<small>" + c + "</small>");
  }

  /** The per-image latency CDF of every variant with samples; a log axis when they span decades. */
  static void latencyChart(StringBuilder h, List<InferenceRunRecord> runs) {
    Map<String, List<ImageLatency>> curves = new LinkedHashMap<>();
    for (InferenceRunRecord r : runs) {
      r.perImage().forEach((label, images) -> curves.put(r.id() + " " + label, images));
    }
    if (!curves.isEmpty()) {
      h.append(
          Figure.of(
              LatencyCharts.cdf("Per-image batch-1 latency, cumulative", curves),
              Figure.WIDE,
              "latency-cdf"));
    }
  }

  /**
   * The fp32 variant of the same model: in the same run first, else in another; null when none (or
   * when the row is that variant's own fp32: its change is then 0).
   */
  static TopAccuracy fp32(Row row, List<Row> rows) {
    List<Row> candidates = new ArrayList<>();
    rows.stream().filter(r -> r.run() == row.run()).forEach(candidates::add);
    rows.stream().filter(r -> r.run() != row.run()).forEach(candidates::add);
    return candidates.stream()
        .filter(r -> r.variant().precision().equals("fp32") && r.model().equals(row.model()))
        .findFirst()
        .map(Row::accuracy)
        .orElse(null);
  }
}

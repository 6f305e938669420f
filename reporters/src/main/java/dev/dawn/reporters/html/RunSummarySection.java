package dev.dawn.reporters.html;

import static dev.dawn.reporters.html.text.HtmlText.escape;

import dev.dawn.reporters.dawnbench.AccuracyTarget;
import dev.dawn.reporters.dawnbench.DawnbenchEntry;
import dev.dawn.reporters.html.HtmlTable.Cell;
import dev.dawn.reporters.leaderboard.LeaderboardFigures;
import dev.dawn.reporters.record.RunRecord;
import dev.dawn.reporters.run.RunDirectory;
import java.util.List;

/**
 * The training runs side by side, one row per run, each quantity read once from the run's record
 * (time and epochs to target at the first evaluation at the target, best accuracy over every
 * evaluation, mid-epoch ones included), as the TSV, the charts and {@code dawn compare} read them.
 */
final class RunSummarySection {
  /** Above this many rows the table is folded, so the page's answer stays on its first screen. */
  static final int OPEN_ROWS = 8;

  private RunSummarySection() {}

  static void append(StringBuilder h, List<RunDirectory> runs, String heading) {
    if (runs.isEmpty()) {
      return;
    }
    HtmlTable t =
        new HtmlTable(
            "summary",
            List.of(
                "Run",
                "Model",
                "Author",
                "Status",
                "Time to target (H:MM:SS)",
                "Epochs to target",
                "Best accuracy (at epoch)",
                "Images/s",
                "Cost to target (USD)"));
    for (RunDirectory r : runs) {
      t.row(cells(r));
    }
    h.append("<h2>").append(escape(heading)).append("</h2>\n");
    h.append(
        runs.size() > OPEN_ROWS
            ? t.folded("All " + runs.size() + " runs, one row each", false)
            : t.render());
  }

  static List<Cell> cells(RunDirectory r) {
    RunRecord rec = r.record();
    DawnbenchEntry e = rec.entry();
    AccuracyTarget target = e.target();
    // The status word on one line; a reason (which can hold a long path) and, for a resumed run,
    // where it continued wrap below it.
    String status =
        "<span class=\"nowrap\">"
            + escape(rec.status())
            + "</span>"
            + (rec.reason() == null ? "" : "<small>" + escape(rec.reason()) + "</small>")
            + (rec.resumed() ? "<small>" + escape(rec.resumeNote()) + "</small>" : "");
    String best =
        rec.bestEvaluation()
            .map(
                b ->
                    ReportFigures.percent(b.metric(target.metric()))
                        + " "
                        + target.metricName()
                        + " ("
                        + ReportFigures.epochs(b.epoch())
                        + ")")
            .orElse("");
    return List.of(
        Cell.code(r.id()),
        Cell.text(e.model()),
        Cell.text(e.author()),
        Cell.html(status, "status-" + rec.status().replaceAll("[^A-Za-z0-9_-]", "")),
        Cell.num(ReportFigures.hours(rec.hoursToTarget().orElse(Double.POSITIVE_INFINITY))),
        Cell.num(
            ReportFigures.epochs(rec.epochsToTarget().orElse(Double.POSITIVE_INFINITY))
                + (rec.targetEvaluation().isPresent()
                    ? ""
                    : " (" + rec.epochs().size() + " trained)")),
        Cell.num(best),
        Cell.num(
            rec.imagesPerSecond().isPresent()
                ? ReportFigures.rate(rec.imagesPerSecond().getAsDouble())
                : ""),
        Cell.num(
            rec.costToTarget().isPresent()
                ? LeaderboardFigures.dollars(rec.costToTarget().getAsDouble())
                : ""));
  }
}

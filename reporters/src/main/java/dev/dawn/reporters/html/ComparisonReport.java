package dev.dawn.reporters.html;

import static dev.dawn.reporters.html.text.HtmlText.escape;

import dev.dawn.reporters.inference.AccuracyMark;
import dev.dawn.reporters.inference.InferenceRunRecord;
import dev.dawn.reporters.run.RunDirectory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One self-contained HTML page about runs, answer first: each sweep as its question (the verdict on
 * its pairs of cells, a row per cell, charts whose lines are cells), the training runs side by
 * side, the variants of inference runs with their marks, then curves, profiles, config and
 * environment differences and links to the files. Every figure of a run is read once from its
 * record, so no two parts of the page disagree. Inline CSS and embedded images only: no script, no
 * network. Every string from a run's files is escaped. Everything is read before anything is
 * rendered.
 */
public final class ComparisonReport {
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

  /** As below, with the default top-1 budget of inference variants. */
  public static String render(
      List<RunDirectory> runs,
      List<InferenceRunRecord> inference,
      List<Path> sweeps,
      Path outFile) {
    return render(runs, inference, sweeps, outFile, AccuracyMark.DEFAULT_TOP1_BUDGET_POINTS);
  }

  /**
   * The page for training runs, inference runs and sweep folders; an inference variant whose top-1
   * falls more than {@code top1BudgetPoints} below fp32 of its model is marked.
   */
  public static String render(
      List<RunDirectory> runs,
      List<InferenceRunRecord> inference,
      List<Path> sweeps,
      Path outFile,
      double top1BudgetPoints) {
    if (runs.isEmpty() && inference.isEmpty() && sweeps.isEmpty()) {
      throw new IllegalArgumentException("a comparison report needs at least one run");
    }
    Path base = outFile.toAbsolutePath().normalize().getParent();
    Map<Path, RunDirectory> known = new HashMap<>();
    runs.forEach(r -> known.put(r.dir().toAbsolutePath().normalize(), r));
    List<SweepView> views = sweeps.stream().map(d -> SweepView.load(d, known)).toList();
    Set<String> inSweeps = new HashSet<>();
    views.forEach(
        v ->
            v.folders()
                .forEach(f -> inSweeps.add(f.dir().toAbsolutePath().normalize().toString())));
    List<RunDirectory> alone =
        runs.stream()
            .filter(r -> !inSweeps.contains(r.dir().toAbsolutePath().normalize().toString()))
            .toList();

    StringBuilder h = new StringBuilder();
    String title = title(alone, inference, views);
    Page.open(h, title);
    h.append("<h1>").append(escape(title)).append("</h1>\n");
    Page.comparability(h, runs);
    for (int i = 0; i < views.size(); i++) {
      SweepSection.append(h, views.get(i), i + 1);
    }
    RunSummarySection.append(h, alone, views.isEmpty() ? "Training runs" : "Other training runs");
    InferenceSection.table(h, inference, top1BudgetPoints);
    if (!alone.isEmpty()) {
      h.append("<h2>Training curves</h2>\n");
      RunChartsSection.append(h, alone, RunDirectory::id, "run-");
    }
    if (!inference.isEmpty()) {
      InferenceSection.latencyChart(h, inference);
    }
    ProfileSection.append(h, inference);
    if (!runs.isEmpty()) {
      DiffSection.config(h, runs);
      DiffSection.environment(h, runs);
      FilesSection.append(h, runs, base);
    }
    return Page.close(h);
  }

  /** What the page is about, e.g. {@code dawn report: 1 sweep (24 runs), 4 inference runs}. */
  private static String title(
      List<RunDirectory> alone, List<InferenceRunRecord> inference, List<SweepView> views) {
    List<String> parts = new ArrayList<>();
    if (!views.isEmpty()) {
      int sweepRuns = views.stream().mapToInt(v -> v.runs().size()).sum();
      parts.add(count(views.size(), "sweep") + " (" + count(sweepRuns, "run") + ")");
    }
    if (!alone.isEmpty()) {
      parts.add(count(alone.size(), "training run"));
    }
    if (!inference.isEmpty()) {
      parts.add(count(inference.size(), "inference run"));
    }
    return "dawn report: " + String.join(", ", parts);
  }

  private static String count(int n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }
}

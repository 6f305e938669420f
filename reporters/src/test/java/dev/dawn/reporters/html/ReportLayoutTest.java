package dev.dawn.reporters.html;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dawn.reporters.dawnbench.TrainingLog;
import dev.dawn.reporters.dawnbench.TrainingTsvReader;
import dev.dawn.reporters.inference.InferenceRunRecord;
import dev.dawn.reporters.leaderboard.LeaderboardFigures;
import dev.dawn.reporters.record.EvaluationPoint;
import dev.dawn.reporters.run.RunDirectory;
import dev.dawn.reporters.run.RunsIndex;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The two reports of real runs committed under {@code results/}, laid out by headless Chromium in a
 * 1366-pixel-wide window: a bench-train run evaluated every quarter epoch with four {@code dawn
 * infer} runs, and the 24-run momentum-vs-LARS sweep. Checked on the page after layout, with every
 * folded part opened: nothing is wider than the window, every chart image loaded, no text is
 * clipped, the sweep's verdict is on the first screen; the page is within its size budget; and the
 * page says what the run's own files say.
 */
class ReportLayoutTest {
  static final Path RESULTS = Path.of("..", "results", "2026-11-30");
  static final Path SWEEP = RESULTS.resolve("bench-sweep");
  static final Path BENCH_TRAIN_RUN =
      RESULTS.resolve("sweep-bench-train-seeds/runs/20261130-083218-bench-train-seeds-c1-r1");

  /** The window of the issue that asked for this: a common laptop width. */
  static final int WIDTH = 1366;

  /** Its first screen: the height of the window, less the browser's own bars. */
  static final int FIRST_SCREEN = 650;

  /** A report of a 24-run sweep, self-contained, stays under this. */
  static final long SIZE_BUDGET = 1_500_000;

  @TempDir static Path tmp;
  static Path single;
  static Path sweep;

  @BeforeAll
  static void render() throws IOException {
    Chromium.assumeInstalled();
    assumeTrue(
        Files.isDirectory(SWEEP) && Files.isDirectory(BENCH_TRAIN_RUN),
        SWEEP.toAbsolutePath() + " not found (run from the reporters module)");
    single = tmp.resolve("single/report.html");
    Files.createDirectories(single.getParent());
    List<InferenceRunRecord> inference =
        RunsIndex.runFolders(RESULTS.resolve("runs")).stream()
            .filter(InferenceRunRecord::isInferenceRun)
            .map(InferenceRunRecord::read)
            .toList();
    assertThat(inference).hasSize(4);
    Files.writeString(
        single,
        ComparisonReport.render(List.of(RunDirectory.read(BENCH_TRAIN_RUN)), inference, single));
    sweep = tmp.resolve("sweep/report.html");
    Files.createDirectories(sweep.getParent());
    List<RunDirectory> runs =
        RunsIndex.runFolders(SWEEP.resolve("runs")).stream().map(RunDirectory::read).toList();
    Files.writeString(sweep, ComparisonReport.render(runs, List.of(), List.of(SWEEP), sweep));
  }

  @Test
  void theSweepReportFitsAndAnswersOnItsFirstScreen() throws Exception {
    assertThat(Files.size(sweep)).isLessThan(SIZE_BUDGET);
    JsonNode page = layout(sweep);
    assertFits(page);
    // Its charts: three per swept number (one here), accuracy, loss and learning rate.
    assertThat(page.get("figures").asInt()).isEqualTo(6);
    assertThat(page.get("verdictBottom").asDouble()).isLessThan(FIRST_SCREEN);
    List<List<String>> verdict = table(page, "verdict");
    assertThat(verdict).hasSize(1 + 4); // momentum vs LARS at each of the four batch sizes
    List<String> at1024 = verdict.get(4);
    assertThat(at1024.get(0)).contains("momentum").contains("lars").contains("1024");
    assertThat(at1024.get(1)).isEqualTo("A 3/3B 0/3");
    assertThat(at1024.get(4)).contains("p = 0.100");
    assertEdgesBlank(sweep);
  }

  @Test
  void theSweepReportSaysWhatRunsCsvSays() throws Exception {
    JsonNode page = layout(sweep);
    Map<String, CSVRecord> byRun = new HashMap<>();
    try (Reader in = Files.newBufferedReader(SWEEP.resolve("runs.csv"))) {
      for (CSVRecord r :
          CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
        byRun.put(Path.of(r.get("run_folder")).getFileName().toString(), r);
      }
    }
    List<List<String>> runs = table(page, "sweep-1-runs");
    assertThat(runs).hasSize(1 + 24);
    for (List<String> row : runs.subList(1, runs.size())) {
      CSVRecord csv = byRun.get(row.get(0));
      assertThat(csv).as(row.get(0)).isNotNull();
      String best =
          String.format(Locale.ROOT, "%.2f", Double.parseDouble(csv.get("best_accuracy")));
      assertThat(row.get(7)).as(row.get(0) + " best accuracy").isEqualTo(best);
      String time =
          csv.get("time_to_target_s").isEmpty()
              ? "not reached"
              : LeaderboardFigures.duration(Double.parseDouble(csv.get("time_to_target_s")) / 3600);
      assertThat(row.get(5)).as(row.get(0) + " time to target").isEqualTo(time);
      String epoch =
          csv.get("target_epoch").isEmpty()
              ? "not reached"
              : EvaluationPoint.epochLabel(Double.parseDouble(csv.get("target_epoch")));
      assertThat(row.get(6)).as(row.get(0) + " epochs to target").isEqualTo(epoch);
    }
  }

  @Test
  void theBenchTrainReportFitsAndSaysWhatItsTsvSays() throws Exception {
    assertThat(Files.size(single)).isLessThan(SIZE_BUDGET);
    JsonNode page = layout(single);
    assertFits(page);
    // Accuracy, loss, learning rate, the latency CDF and two op profiles.
    assertThat(page.get("figures").asInt()).isEqualTo(6);
    List<String> run = table(page, "summary").get(1);
    TrainingLog tsv;
    try (Stream<Path> files = Files.list(BENCH_TRAIN_RUN)) {
      tsv =
          TrainingTsvReader.read(
              files.filter(f -> f.toString().endsWith(".tsv")).findFirst().orElseThrow());
    }
    int first = tsv.firstRowReaching("top5Accuracy", 93.0).orElseThrow();
    assertThat(run.get(4)).isEqualTo(LeaderboardFigures.duration(tsv.value(first, "hours")));
    assertThat(run.get(5)).isEqualTo(EvaluationPoint.epochLabel(tsv.value(first, "epoch")));
    double best = tsv.max("top5Accuracy").orElseThrow();
    assertThat(run.get(6)).startsWith(String.format(Locale.ROOT, "%.2f%% top-5", best));
    // The mid-epoch evaluation is the one that reached the target: the TSV agrees.
    assertThat(tsv.value(first, "epoch")).isNotEqualTo(Math.rint(tsv.value(first, "epoch")));
    assertThat(table(page, "inference")).isNotEmpty();
    assertEdgesBlank(single);
  }

  /** Nothing wider than the window, no clipped text, every image decoded. */
  private static void assertFits(JsonNode page) {
    assertThat(page.get("width").asInt()).isEqualTo(WIDTH);
    assertThat(page.get("scrollWidth").asInt()).isLessThanOrEqualTo(WIDTH);
    assertThat(strings(page.get("wide"))).as("elements beyond the window").isEmpty();
    assertThat(strings(page.get("clipped"))).as("clipped text").isEmpty();
    assertThat(strings(page.get("broken"))).as("images that did not load").isEmpty();
    assertThat(page.get("images").asInt()).isEqualTo(page.get("figures").asInt());
  }

  private static final Map<Path, JsonNode> MEASURED = new HashMap<>();

  /**
   * The page after layout, measured by {@code layout-check.js} appended to a copy of it (once per
   * page: the browser takes seconds).
   */
  static JsonNode layout(Path report) throws Exception {
    if (!MEASURED.containsKey(report)) {
      MEASURED.put(report, measure(report));
    }
    return MEASURED.get(report);
  }

  private static JsonNode measure(Path report) throws Exception {
    Path copy = report.resolveSibling("measured-" + report.getFileName());
    String script;
    try (var in = ReportLayoutTest.class.getResourceAsStream("/html/layout-check.js")) {
      script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    String html = Files.readString(report);
    Files.writeString(
        copy, html.replace("</body>", "<script>\n" + script + "\n</script>\n</body>"));
    Chromium.Result r =
        Chromium.run(
            tmp,
            "--window-size=" + WIDTH + ",768",
            "--virtual-time-budget=10000",
            "--dump-dom",
            copy.toUri().toString());
    assertThat(r.exit()).as(r.stderr()).isZero();
    assertThat(Chromium.consoleLines(r.stderr())).isEmpty();
    String dom = r.stdout();
    int start = dom.indexOf("<pre id=\"layout-check\">");
    assertThat(start).as("the layout check ran").isNotNegative();
    String json = dom.substring(dom.indexOf('>', start) + 1, dom.indexOf("</pre>", start));
    return new ObjectMapper()
        .readTree(json.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&"));
  }

  /**
   * A screenshot of the whole page: its rightmost pixels are background, so nothing is cut at the
   * window's edge.
   */
  static void assertEdgesBlank(Path report) throws Exception {
    Path shot = report.resolveSibling("screenshot.png");
    Chromium.Result r =
        Chromium.run(
            tmp,
            "--window-size=" + WIDTH + ",4000",
            "--screenshot=" + shot,
            report.toUri().toString());
    assertThat(r.exit()).as(r.stderr()).isZero();
    BufferedImage image = ImageIO.read(shot.toFile());
    assertThat(image.getWidth()).isEqualTo(WIDTH);
    List<String> drawn = new ArrayList<>();
    for (int x = WIDTH - 8; x < WIDTH; x++) {
      for (int y = 0; y < image.getHeight(); y++) {
        if ((image.getRGB(x, y) & 0xffffff) != 0xffffff) {
          drawn.add(x + "," + y);
        }
      }
    }
    assertThat(drawn).as("pixels drawn at the right edge").isEmpty();
    // The content reaches far enough right that the check looks at the page, not at nothing.
    boolean content = false;
    for (int y = 0; y < image.getHeight() && !content; y++) {
      content = (image.getRGB(WIDTH / 2, y) & 0xffffff) != 0xffffff;
    }
    assertThat(content).isTrue();
  }

  private static List<List<String>> table(JsonNode page, String id) {
    JsonNode t = page.get("tables").get(id);
    assertThat(t).as("table #" + id).isNotNull();
    List<List<String>> rows = new ArrayList<>();
    t.forEach(r -> rows.add(strings(r)));
    return rows;
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }
}

package dev.dawn.harness.cli;

import static dev.dawn.harness.cli.ReportingCommandsTest.dawn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.dawn.harness.tensorboard.TensorBoardFile;
import dev.dawn.reporters.charts.AccuracyComparisonChart;
import dev.dawn.reporters.charts.RunCurve;
import dev.dawn.reporters.compare.CompareMetric;
import dev.dawn.reporters.compare.ComparedRun;
import dev.dawn.reporters.dawnbench.DawnbenchEntry;
import dev.dawn.reporters.events.DawnbenchEntryFields;
import dev.dawn.reporters.events.EpochStart;
import dev.dawn.reporters.events.EpochStop;
import dev.dawn.reporters.events.EvalAccuracy;
import dev.dawn.reporters.events.EventLog;
import dev.dawn.reporters.events.EventLogReader;
import dev.dawn.reporters.events.RunStart;
import dev.dawn.reporters.events.RunStatus;
import dev.dawn.reporters.events.RunStop;
import dev.dawn.reporters.events.SweepRunStart;
import dev.dawn.reporters.events.SweepRunStop;
import dev.dawn.reporters.events.TrainStep;
import dev.dawn.reporters.run.RunDirectory;
import dev.dawn.reporters.run.RunFolder;
import dev.dawn.reporters.sweep.SweepFiles;
import dev.dawn.reporters.sweep.SweepResults;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.proto.Event;
import org.tensorflow.proto.Summary;

/**
 * A run evaluated every quarter epoch whose target and best accuracy fall within epochs, where an
 * end-of-epoch reading would see neither: the summary of {@code dawn report}, its accuracy chart,
 * the DAWNBench TSV of {@code dawn export}, the runs index, a sweep's {@code runs.csv}, {@code dawn
 * compare} and the TensorBoard file all give the same time to target, epochs to target and best
 * accuracy.
 */
class OneReadingTest {
  @TempDir Path tmp;

  /** Top-5 (%) at each quarter epoch; the target 93% is first reached at 1.75, the best at 2.25. */
  static final double[] TOP5 = {20, 40, 60, 80, 88, 91, 93.5, 92.0, 95.0, 94.0, 92.8, 92.5};

  /** Training seconds per quarter epoch. */
  static final long QUARTER_MS = 30_000;

  static final String RUN_ID = "20261130-120000-quarter-evals";

  Path results;
  Path run;

  @BeforeEach
  void writeRun() throws Exception {
    results = tmp.resolve("results");
    run = Files.createDirectories(results.resolve("runs").resolve(RUN_ID));
    long[] clock = {1_796_000_000_000L};
    try (EventLog log = EventLog.append(run.resolve(RunFolder.EVENTS), () -> clock[0]++)) {
      log.write(new RunStart(RUN_ID));
      log.write(new DawnbenchEntryFields(entry()));
      for (int epoch = 1; epoch <= 3; epoch++) {
        log.write(new EpochStart(epoch));
        for (int q = 1; q <= 4; q++) {
          int i = 4 * (epoch - 1) + q; // quarter epochs trained
          log.write(
              new TrainStep(
                  2.0 / i,
                  epoch,
                  10L * q,
                  40L * (epoch - 1) + 10L * q,
                  0.1,
                  0.9,
                  500.0,
                  null,
                  null));
          long trainMs = QUARTER_MS * i;
          double top5 = TOP5[i - 1] / 100;
          double top1 = top5 - 0.2;
          if (q < 4) {
            log.write(new EvalAccuracy(epoch, top1, top5, 100L, 0L, i / 4.0, trainMs));
          } else {
            log.write(
                new EpochStop(
                    epoch, trainMs, trainMs + 1000, 1.0, 0.1, 10_000.0 / 120, 10_000L, 0L));
            log.write(new EvalAccuracy(epoch, top1, top5, 100L, 0L));
          }
        }
      }
      log.write(RunStop.of(RunStatus.SUCCESS, null));
    }
  }

  /** The DAWNBench fields of the test fixture's run (ImageNet, 93% top-5). */
  static Map<String, Object> entry() {
    return DawnbenchEntry.valueIn(
            EventLogReader.read(Path.of("src/test/resources/runs/imagenet-reached/events.jsonl")))
        .orElseThrow();
  }

  @Test
  void everyOutputReadsTheSameTimeEpochsAndBestAccuracy() throws Exception {
    // The reading itself: the target at 1.75 epochs (7 quarters, 210 s), the best 95% at 2.25.
    double seconds = 7 * QUARTER_MS / 1000.0;
    String time = "0:03:30";
    String epochs = "1.75";
    double best = 95.0;
    // An end-of-epoch reading would find neither: 80, 92 and 92.5 at epochs 1, 2, 3.
    assertThat(Arrays.stream(TOP5).skip(3).filter(v -> v < 93).count()).isPositive();

    // dawn export: the DAWNBench TSV has a row per evaluation; its first at 93% is the target.
    var export = dawn("export", run.toString());
    assertThat(export.exit()).as(export.err()).isZero();
    String basename = entry().get("fileBasename").toString();
    List<String> tsv = Files.readAllLines(run.resolve(basename + ".tsv"));
    assertThat(tsv).hasSize(1 + 12);
    String[] target = tsv.get(7).split("\t");
    assertThat(target[0]).isEqualTo(epochs);
    assertThat(Double.parseDouble(target[1]) * 3600).isCloseTo(seconds, within(1e-9));
    assertThat(target[3]).isEqualTo("93.5");
    assertThat(tsv.stream().skip(1).mapToDouble(r -> Double.parseDouble(r.split("\t")[3])).max())
        .hasValue(best);

    // dawn report: the summary row and the accuracy chart.
    var report = dawn("report", run.toString(), "--out", tmp.resolve("report.html").toString());
    assertThat(report.exit()).as(report.err()).isZero();
    String html = Files.readString(tmp.resolve("report.html"));
    String summary = html.substring(html.indexOf("<table id=\"summary\">"));
    summary = summary.substring(0, summary.indexOf("</table>"));
    assertThat(summary)
        .contains("<td class=\"num\">" + time + "</td>")
        .contains("<td class=\"num\">" + epochs + "</td>")
        .contains("<td class=\"num\">95.00% top-5 (2.25)</td>");
    RunDirectory dir = RunDirectory.read(run);
    var chart =
        AccuracyComparisonChart.build(
            "t",
            List.of(new RunCurve(RUN_ID, dir.record().evaluations())),
            dir.record().entry().target());
    double[] y = chart.getSeriesMap().get(RUN_ID).getYData();
    double[] x = chart.getSeriesMap().get(RUN_ID).getXData();
    assertThat(y).hasSize(12).contains(93.5);
    assertThat(Arrays.stream(y).max()).hasValue(best);
    int first = 0;
    while (y[first] < 93) first++;
    assertThat(x[first] * 3600).isCloseTo(seconds, within(1e-9));

    // dawn runs: the runs index.
    var runs = dawn("runs", "--results", results.toString());
    assertThat(runs.exit()).as(runs.err()).isZero();
    CSVRecord indexed = csv(runs.out()).get(0);
    assertThat(indexed.get("time_to_target")).isEqualTo(time);
    assertThat(Double.parseDouble(indexed.get("hours_to_target")) * 3600)
        .isCloseTo(seconds, within(1e-9));

    // A sweep holding the run: runs.csv.
    Path sweep = Files.createDirectories(results.resolve("sweeps").resolve("one"));
    try (EventLog log = EventLog.append(sweep.resolve(SweepResults.EVENTS_FILE))) {
      log.write(new SweepRunStart(1, 1, 42, "quarter-evals", Map.of("train.batchSize", 128), null));
      log.write(new SweepRunStop(1, 1, 0, "../../runs/" + RUN_ID, null));
    }
    SweepFiles.write(sweep);
    CSVRecord row;
    try (Reader in = Files.newBufferedReader(sweep.resolve(SweepFiles.RUNS_CSV))) {
      row = csv(in).get(0);
    }
    assertThat(Double.parseDouble(row.get("time_to_target_s"))).isEqualTo(seconds);
    assertThat(row.get("target_epoch")).isEqualTo(epochs);
    assertThat(Double.parseDouble(row.get("best_accuracy"))).isEqualTo(best);

    // dawn compare: the run against itself.
    ComparedRun compared = ComparedRun.read(run);
    assertThat(compared.value(CompareMetric.TIME_TO_TARGET)).isCloseTo(seconds, within(1e-9));
    assertThat(compared.value(CompareMetric.EPOCHS_TO_TARGET)).isEqualTo(1.75);
    assertThat(compared.value(CompareMetric.BEST_ACCURACY)).isEqualTo(best);
    var compare = dawn("compare", run.toString(), run.toString());
    assertThat(compare.exit()).as(compare.err()).isZero();
    assertThat(compare.out())
        .containsPattern("time to target\\s+" + time + "\\s+" + time)
        .containsPattern("epochs to target\\s+1.75\\s+1.75")
        .containsPattern("best accuracy\\s+95.0%\\s+95.0%");

    // TensorBoard: the dawnbench scalars of the same record.
    Map<String, Float> scalars = new HashMap<>();
    for (Event e :
        TensorBoardFile.events(EventLogReader.read(run.resolve(RunFolder.EVENTS)), dir)) {
      for (Summary.Value v : e.getSummary().getValueList()) {
        scalars.put(v.getTag(), v.getSimpleValue());
      }
    }
    assertThat(scalars.get(TensorBoardFile.TIME_TO_TARGET_TAG)).isEqualTo((float) seconds);
    assertThat(scalars.get(TensorBoardFile.EPOCHS_TO_TARGET_TAG)).isEqualTo(1.75f);
    assertThat(scalars.get(TensorBoardFile.BEST_ACCURACY_TAG)).isEqualTo((float) best);
  }

  private static List<CSVRecord> csv(String text) throws Exception {
    return csv(new java.io.StringReader(text));
  }

  private static List<CSVRecord> csv(Reader in) throws Exception {
    return CSVFormat.DEFAULT
        .builder()
        .setHeader()
        .setSkipHeaderRecord(true)
        .get()
        .parse(in)
        .getRecords();
  }
}

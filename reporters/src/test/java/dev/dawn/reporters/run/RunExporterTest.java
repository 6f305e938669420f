package dev.dawn.reporters.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dawn.reporters.csv.MetricsCsvWriter;
import dev.dawn.reporters.dawnbench.Dataset;
import dev.dawn.reporters.dawnbench.Problem;
import dev.dawn.reporters.dawnbench.SubmissionValidator;
import dev.dawn.reporters.dawnbench.Task;
import dev.dawn.reporters.events.EventLogReader;
import dev.dawn.reporters.events.RunStatus;
import dev.dawn.reporters.record.EpochRecord;
import dev.dawn.reporters.record.EvaluationPoint;
import dev.dawn.reporters.record.RunRecord;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunExporterTest {
  static final String BASENAME = "dawn_resnet9_1xepyc-2c_tensorflowjava";

  @TempDir Path dir;

  Path copyFixture(String name) throws IOException {
    Path runDir = dir.resolve(name);
    Files.createDirectories(runDir);
    Files.write(runDir.resolve(RunFolder.EVENTS), resource("/runs/" + name + "/events.jsonl"));
    return runDir;
  }

  static byte[] resource(String path) throws IOException {
    try (InputStream in = RunExporterTest.class.getResourceAsStream(path)) {
      assertThat(in).as(path).isNotNull();
      return in.readAllBytes();
    }
  }

  @Test
  void killedImageNetRunKeepsOnlyEvaluatedEpochs() throws IOException {
    RunRecord run =
        RunRecord.fromEvents(
            EventLogReader.read(copyFixture("imagenet-killed").resolve(RunFolder.EVENTS)));
    assertThat(run.runId()).isEqualTo("r-0001");
    assertThat(run.status()).isEqualTo(RunStatus.KILLED.word());
    assertThat(run.finished()).isFalse();
    assertThat(run.hyperparameters())
        .containsEntry("global_batch_size", 512)
        .containsEntry("opt_name", "sgd")
        .containsEntry("opt_base_learning_rate", 0.4)
        .doesNotContainKey("dawnbench_entry");
    assertThat(run.epochs())
        .containsExactly(
            new EpochRecord(1, 0.1, 360010 / 3.6e6, 4.5, 0.2, 355.5, 35.0, 60.0),
            new EpochRecord(2, 0.2, 760000 / 3.6e6, 2.25, 0.4, 356.0, 75.75, 93.0));
    // 0.93 must become exactly 93.0 (not 93.00000000000001 or 92.999...) and meet the 93 threshold.
    assertThat(run.targetEvaluation()).map(EvaluationPoint::epoch).contains(2.0);
    assertThat(run.hoursToTarget().getAsDouble()).isEqualTo(0.2);
    assertThat(run.costToTarget().getAsDouble()).isEqualTo(0.2 * 0.2);
    assertThat(run.entry().costPerHour()).isEqualTo(0.2);
    assertThat(run.entry().usedBlacklist()).isTrue();
    assertThat(run.entry().codeURL()).isNull();
  }

  @Test
  void exportsImageNetReportsFromEventsAlone() throws IOException {
    Path runDir = copyFixture("imagenet-killed");
    List<Path> files = RunExporter.export(runDir);
    assertThat(files)
        .containsExactly(
            runDir.resolve(BASENAME + ".tsv"),
            runDir.resolve(BASENAME + ".json"),
            runDir.resolve("metrics.csv"),
            runDir.resolve("accuracy.png"));

    assertThat(Files.readString(files.get(0)))
        .isEqualTo(
            "epoch\thours\ttop1Accuracy\ttop5Accuracy\n"
                + "1\t0.1\t35.0\t60.0\n"
                + "2\t0.2\t75.75\t93.0\n");
    // Byte-identical to CPython json.dump(obj, f, indent=4) of the same dict (fixture made with
    // Python 3).
    assertThat(Files.readAllBytes(files.get(1)))
        .isEqualTo(resource("/runs/imagenet-killed/expected-python-json-dump.json"));
    assertThat(Files.readString(files.get(2)))
        .isEqualTo(
            "epoch,hours,wall_hours,loss,learning_rate,images_per_second,top1_accuracy,top5_accuracy\r\n"
                + "1,0.1,0.10000277777777777,4.5,0.2,355.5,35.0,60.0\r\n"
                + "2,0.2,0.2111111111111111,2.25,0.4,356.0,75.75,93.0\r\n");
    BufferedImage png = ImageIO.read(new ByteArrayInputStream(Files.readAllBytes(files.get(3))));
    assertThat(png.getWidth()).isEqualTo(900);
    assertThat(png.getHeight()).isEqualTo(560);
    assertThat(
            dawnbenchCiProblems(
                files.get(1),
                files.get(0),
                "top5Accuracy",
                93.0,
                List.of("epoch", "hours", "top1Accuracy", "top5Accuracy")))
        .isEmpty();
    assertThat(SubmissionValidator.validate(files.get(1), Dataset.IMAGENET, Task.TRAIN)).isEmpty();
  }

  @Test
  void runKilledBeforeFirstEvaluationStillExports() throws IOException {
    Path runDir = copyFixture("imagenet-killed");
    List<String> lines = Files.readAllLines(runDir.resolve(RunFolder.EVENTS));
    Files.write(
        runDir.resolve(RunFolder.EVENTS), lines.subList(0, 8)); // up to epoch 1's epoch_stop
    List<Path> files = RunExporter.export(runDir);
    assertThat(Files.readString(files.get(0)))
        .isEqualTo("epoch\thours\ttop1Accuracy\ttop5Accuracy\n");
    assertThat(Files.readString(files.get(2)))
        .isEqualTo(String.join(",", MetricsCsvWriter.HEADER) + "\r\n");
    assertThat(ImageIO.read(files.get(3).toFile())).isNotNull();
    // Not a valid submission yet, and the validator says why.
    assertThat(SubmissionValidator.validate(files.get(1), Dataset.IMAGENET, Task.TRAIN))
        .extracting(Problem::field)
        .containsExactly("rows");
  }

  @Test
  void exportIsRepeatableAndLeavesNoTemporaryFiles() throws IOException {
    Path runDir = copyFixture("imagenet-killed");
    List<Path> first = RunExporter.export(runDir);
    byte[] tsv = Files.readAllBytes(first.get(0));
    RunExporter.export(runDir);
    assertThat(Files.readAllBytes(first.get(0))).isEqualTo(tsv);
    try (var listing = Files.list(runDir)) {
      assertThat(listing.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
    }
  }

  @Test
  void exportsFinishedCifarRun() throws IOException {
    Path runDir = copyFixture("cifar-finished");
    List<Path> files = RunExporter.export(runDir);
    RunRecord run = RunRecord.fromEvents(EventLogReader.read(runDir.resolve(RunFolder.EVENTS)));
    assertThat(run.status()).isEqualTo("success");
    // The first epoch at >= 94% counts even though the next dips below (DAWNBench rule).
    assertThat(run.hoursToTarget().getAsDouble()).isEqualTo(0.01);
    assertThat(run.costToTarget()).isEmpty();
    assertThat(Files.readString(files.get(0)))
        .isEqualTo("epoch\thours\ttop1Accuracy\n1\t0.01\t94.01\n2\t0.02\t93.99\n");
    assertThat(Files.readAllBytes(files.get(1)))
        .isEqualTo(resource("/runs/cifar-finished/expected-python-json-dump.json"));
    assertThat(
            dawnbenchCiProblems(
                files.get(1),
                files.get(0),
                "top1Accuracy",
                94.0,
                List.of("epoch", "hours", "top1Accuracy")))
        .isEmpty();
    assertThat(SubmissionValidator.validate(files.get(1), Dataset.CIFAR10, Task.TRAIN)).isEmpty();
  }

  @Test
  void missingRunDirectoryEventsIsNamed() {
    assertThatThrownBy(() -> RunExporter.export(dir))
        .hasMessageContaining(RunFolder.EVENTS)
        .hasMessageContaining(dir.toString());
  }

  @Test
  void evalWithoutEpochStopIsRejectedWithKeyName() throws IOException {
    Path runDir = copyFixture("cifar-finished");
    List<String> lines = new ArrayList<>(Files.readAllLines(runDir.resolve(RunFolder.EVENTS)));
    lines.remove(3); // epoch_stop of epoch 1
    Files.write(runDir.resolve(RunFolder.EVENTS), lines);
    assertThatThrownBy(() -> RunExporter.export(runDir))
        .hasMessageContaining("eval_accuracy")
        .hasMessageContaining("epoch_num 1")
        .hasMessageContaining(RunFolder.EVENTS);
  }

  /**
   * The checks of dawn-bench-entries tests/test_submissions.py for a training entry, written
   * independently of the production validator.
   */
  static List<String> dawnbenchCiProblems(
      Path json, Path tsv, String metric, double threshold, List<String> columns)
      throws IOException {
    List<String> problems = new ArrayList<>();
    JsonNode root = new ObjectMapper().readTree(json.toFile());
    for (String field :
        List.of(
            "version", "author", "authorEmail", "framework", "model", "hardware", "timestamp")) {
      if (!root.hasNonNull(field)) {
        problems.add("missing " + field);
      }
    }
    if (!"v1.0".equals(root.path("version").asText())) {
      problems.add("version");
    }
    try {
      LocalDate.parse(root.path("timestamp").asText(), DateTimeFormatter.ofPattern("yyyy-M-d"));
    } catch (RuntimeException e) {
      problems.add("timestamp");
    }
    List<String> lines = Files.readAllLines(tsv, StandardCharsets.UTF_8);
    List<String> header = Arrays.asList(lines.get(0).split("\t"));
    if (!Set.copyOf(header).equals(Set.copyOf(columns)) || header.size() != columns.size()) {
      problems.add("columns " + header);
    }
    int col = header.indexOf(metric);
    double max =
        lines.stream()
            .skip(1)
            .filter(l -> !l.isBlank())
            .mapToDouble(l -> Double.parseDouble(l.split("\t")[col]))
            .max()
            .orElse(Double.NaN);
    if (lines.size() < 2) {
      problems.add("no rows");
    }
    if (!(max >= threshold)) {
      problems.add("max " + metric + " " + max + " < " + threshold);
    }
    return problems;
  }
}

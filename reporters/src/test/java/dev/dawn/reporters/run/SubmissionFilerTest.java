package dev.dawn.reporters.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dawn.reporters.dawnbench.CorpusValidation;
import dev.dawn.reporters.dawnbench.Dataset;
import dev.dawn.reporters.dawnbench.SubmissionValidator;
import dev.dawn.reporters.leaderboard.Leaderboard;
import dev.dawn.reporters.leaderboard.LeaderboardKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SubmissionFilerTest {
  @TempDir Path tmp;

  @Test
  void filesJsonAndTsvInTheCorpusLayoutAndNeverOverwrites() throws Exception {
    Path run = RunFixture.exported("imagenet-reached", tmp.resolve("run"));
    Path entries = tmp.resolve("entries");
    List<Path> written = SubmissionFiler.file(run, entries);
    Path json = entries.resolve("ImageNet/train/dawn_resnet50_fixture.json");
    Path tsv = entries.resolve("ImageNet/train/dawn_resnet50_fixture.tsv");
    assertThat(written).containsExactly(json, tsv);
    assertThat(Files.readString(json))
        .isEqualTo(Files.readString(run.resolve("dawn_resnet50_fixture.json")));
    assertThat(Files.readString(json)).startsWith("{\n    \"version\": \"v1.0\",");
    assertThat(CorpusValidation.problems(entries)).isEmpty();
    var table =
        Leaderboard.fromCorpus(entries).table(Dataset.IMAGENET, LeaderboardKind.TRAINING_TIME);
    assertThat(table.rows())
        .singleElement()
        .satisfies(r -> assertThat(r.figure()).isEqualTo("3:00:00"));

    Files.writeString(json, "mine");
    assertThatThrownBy(() -> SubmissionFiler.file(run, entries))
        .isInstanceOf(SubmissionFiler.RefusedException.class)
        .hasMessageContaining("already exists")
        .hasMessageContaining("dawn_resnet50_fixture.json");
    assertThat(Files.readString(json)).isEqualTo("mine");
  }

  @Test
  void refusesWhatTheCiWouldReject() throws Exception {
    Path run = RunFixture.copy("imagenet-reached", tmp.resolve("low"));
    Path events = run.resolve(RunFolder.EVENTS);
    Files.writeString(
        events,
        Files.readString(events).replace("\"top5_accuracy\":0.9312", "\"top5_accuracy\":0.92"));
    RunExporter.export(run);
    assertThatThrownBy(() -> SubmissionFiler.file(run, tmp.resolve("entries")))
        .isInstanceOf(SubmissionFiler.RefusedException.class)
        .hasMessageContaining("reject")
        .hasMessageContaining("top5Accuracy: maximum must be >= 93.0, found 92.0");
    assertThat(tmp.resolve("entries")).doesNotExist();

    Path unexported = RunFixture.copy("imagenet-reached", tmp.resolve("raw"));
    assertThatThrownBy(() -> RunSubmission.training(unexported))
        .hasMessageContaining("dawn export");
  }

  @Test
  void refusesAFineTuningRunStartedFromTrainedWeights() throws Exception {
    Path run = RunFixture.copy("imagenet-reached", tmp.resolve("finetune"));
    Path events = run.resolve(RunFolder.EVENTS);
    List<String> lines = new java.util.ArrayList<>(Files.readAllLines(events));
    lines.add(
        1,
        "{\"key\":\"init_weights\",\"value\":\"/runs/x/weights\",\"event_type\":\"POINT_IN_TIME\","
            + "\"time_ms\":1,\"metadata\":{}}");
    Files.write(events, lines);
    RunExporter.export(run); // its curve and files stay derivable
    assertThatThrownBy(() -> SubmissionFiler.file(run, tmp.resolve("entries")))
        .hasMessageContaining("started from trained weights (/runs/x/weights)")
        .hasMessageContaining("not an end-to-end time to accuracy");
    assertThat(tmp.resolve("entries")).doesNotExist();
  }

  @Test
  void refusesASyntheticRunWithTheReasonInOneLine() throws Exception {
    Path run =
        RunFixture.withData(
            RunFixture.copy("imagenet-reached", tmp.resolve("synthetic")), "synthetic", 5, 50, 50);
    assertThatThrownBy(() -> SubmissionFiler.file(run, tmp.resolve("entries")))
        .isInstanceOf(RunSubmission.NotAnEntryException.class)
        .hasMessage(
            run
                + ": not a DAWNBench entry: it ran on the embedded synthetic data set, not on ImageNet"
                + " or CIFAR10");
    assertThat(tmp.resolve("entries")).doesNotExist();
    // Its files are still written, marked, so that validate refuses them wherever they are copied.
    assertThat(
            SubmissionValidator.validate(
                run.resolve("dawn_resnet50_fixture.json"),
                Dataset.IMAGENET,
                dev.dawn.reporters.dawnbench.Task.TRAIN))
        .extracting(p -> p.field())
        .containsExactly("misc.notDawnbenchEntry");
  }

  @Test
  void refusesFewerClassesASubsetAndARunLoggedBeforeTheTaskWasRecorded() throws Exception {
    Path few =
        RunFixture.withData(
            RunFixture.copy("imagenet-reached", tmp.resolve("few")), "imagenet", 100, 5000, 5000);
    assertThatThrownBy(() -> SubmissionFiler.file(few, tmp.resolve("entries")))
        .hasMessageContaining("1000 classes");
    Path subset =
        RunFixture.withData(
            RunFixture.copy("imagenet-reached", tmp.resolve("subset")),
            "imagenet",
            1000,
            10000,
            10000);
    assertThatThrownBy(() -> SubmissionFiler.file(subset, tmp.resolve("entries")))
        .hasMessageContaining("50,000");
    Path old = RunFixture.copy("imagenet-reached", tmp.resolve("old"));
    Path events = old.resolve(RunFolder.EVENTS);
    Files.write(
        events,
        Files.readAllLines(events).stream()
            .filter(l -> !l.contains("\"dawnbench_task\""))
            .toList());
    RunExporter.export(old);
    assertThatThrownBy(() -> SubmissionFiler.file(old, tmp.resolve("entries")))
        .hasMessageContaining("no dawnbench_task event");
    assertThat(tmp.resolve("entries")).doesNotExist();
  }
}

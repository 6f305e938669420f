package dev.dawn.reporters.leaderboard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dawn.reporters.dawnbench.Dataset;
import dev.dawn.reporters.dawnbench.DawnbenchCorpus;
import dev.dawn.reporters.dawnbench.Submission;
import dev.dawn.reporters.run.RunExporter;
import dev.dawn.reporters.run.RunFixture;
import dev.dawn.reporters.run.RunFolder;
import dev.dawn.reporters.run.RunSubmission;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Our runs ranked among the real corpus entries. */
class LeaderboardWithOursTest {
  @TempDir Path tmp;

  @Test
  void ourRunIsRankedByTheSameRulesAndMarked() throws Exception {
    Path corpus = DawnbenchCorpus.locateOrSkip();
    Submission ours =
        RunSubmission.training(RunFixture.exported("imagenet-reached", tmp.resolve("run")));
    LeaderboardTable before =
        Leaderboard.fromCorpus(corpus).table(Dataset.IMAGENET, LeaderboardKind.TRAINING_TIME);
    Leaderboard board = Leaderboard.fromCorpus(corpus, List.of(ours));
    LeaderboardTable time = board.table(Dataset.IMAGENET, LeaderboardKind.TRAINING_TIME);

    long faster = before.rows().stream().filter(r -> r.value() < 3.0).count();
    assertThat(time.rows()).hasSize(before.rows().size() + 1);
    LeaderboardRow mine =
        time.rows().stream().filter(r -> r.submission() == ours).findFirst().orElseThrow();
    assertThat(mine.rank()).isEqualTo(faster + 1);
    assertThat(mine.figure()).isEqualTo("3:00:00");
    LeaderboardRow cost =
        board.table(Dataset.IMAGENET, LeaderboardKind.TRAINING_COST).rows().stream()
            .filter(r -> r.submission() == ours)
            .findFirst()
            .orElseThrow();
    assertThat(cost.figure()).isEqualTo("$9.18");

    String md = MarkdownLeaderboard.render(board.tables(), s -> s == ours);
    assertThat(md).contains("| **" + mine.rank() + " (ours)** | **3:00:00** |");
    assertThat(md.split("\\(ours\\)", -1)).hasSize(3); // time and cost tables
    String html = HtmlLeaderboard.render("t", board.tables(), s -> s == ours);
    assertThat(html)
        .contains("<tr class=\"ours\"><td class=\"num\">" + mine.rank() + " (ours)")
        .doesNotContain("<script>alert")
        .contains("Eve &lt;script&gt;");
    assertThat(MarkdownLeaderboard.render(board.tables())).doesNotContain("(ours)");
  }

  @Test
  void aRunBelowTheThresholdIsListedNotRanked() throws Exception {
    Path corpus = DawnbenchCorpus.locateOrSkip();
    Path run = RunFixture.copy("imagenet-reached", tmp.resolve("low"));
    Path events = run.resolve(RunFolder.EVENTS);
    Files.writeString(
        events,
        Files.readString(events).replace("\"top5_accuracy\":0.9312", "\"top5_accuracy\":0.92"));
    RunExporter.export(run);
    Submission low = RunSubmission.training(run);
    Leaderboard board = Leaderboard.fromCorpus(corpus, List.of(low));
    assertThat(board.tables().stream().flatMap(t -> t.rows().stream()))
        .noneMatch(r -> r.submission() == low);
    assertThat(board.excluded()).anySatisfy(p -> assertThat(p.file()).isEqualTo(low.trainingTsv()));
  }
}

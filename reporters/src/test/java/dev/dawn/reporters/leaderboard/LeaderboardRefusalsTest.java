package dev.dawn.reporters.leaderboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dawn.reporters.dawnbench.Dataset;
import dev.dawn.reporters.dawnbench.Problem;
import dev.dawn.reporters.dawnbench.Submission;
import dev.dawn.reporters.dawnbench.SubmissionValidator;
import dev.dawn.reporters.run.RunFixture;
import dev.dawn.reporters.run.RunSubmission;
import dev.dawn.reporters.run.SubmissionFiler;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a leaderboard must never rank: numbers that are no amounts, and runs that are not DAWNBench
 * entries.
 */
class LeaderboardRefusalsTest {
  @TempDir Path tmp;

  /**
   * An entries checkout holding the fixture run's files, plus a copy whose costPerHour is {@code
   * cost}.
   */
  Path corpusWithCost(String name, String cost) throws Exception {
    Path entries = tmp.resolve("entries");
    if (!Files.exists(entries)) {
      SubmissionFiler.file(RunFixture.exported("imagenet-reached", tmp.resolve("run")), entries);
    }
    Path dir = entries.resolve("ImageNet/train");
    String json = Files.readString(dir.resolve("dawn_resnet50_fixture.json"));
    assertThat(json).contains("\"costPerHour\": 3.06,");
    Files.writeString(
        dir.resolve(name + ".json"),
        json.replace("\"costPerHour\": 3.06,", "\"costPerHour\": " + cost + ","));
    Files.copy(dir.resolve("dawn_resnet50_fixture.tsv"), dir.resolve(name + ".tsv"));
    return dir.resolve(name + ".json");
  }

  @Test
  void validateAndLeaderboardRefuseAnInfiniteOrNegativeCostWithOneRule() throws Exception {
    Path huge = corpusWithCost("huge", "1e400");
    Path negative = corpusWithCost("negative", "-5");
    Path text = corpusWithCost("text", "\"3.06\"");
    assertThat(SubmissionValidator.validate(huge))
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.field()).isEqualTo("costPerHour");
              assertThat(p.rule()).contains("finite").contains("Infinity");
            });
    assertThat(SubmissionValidator.validate(negative))
        .singleElement()
        .satisfies(p -> assertThat(p.rule()).contains("must not be negative").contains("-5"));
    assertThat(SubmissionValidator.validate(text))
        .extracting(Problem::field)
        .containsExactly("costPerHour");

    Leaderboard board =
        Leaderboard.fromCorpus(tmp.resolve("entries")); // used to die with NumberFormatException
    LeaderboardTable cost = board.table(Dataset.IMAGENET, LeaderboardKind.TRAINING_COST);
    assertThat(cost.rows())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.figure()).isEqualTo("$9.18");
              assertThat(r.submission().file().getFileName())
                  .hasToString("dawn_resnet50_fixture.json");
            });
    assertThat(board.table(Dataset.IMAGENET, LeaderboardKind.TRAINING_TIME).rows()).hasSize(1);
    assertThat(board.excluded())
        .extracting(Problem::file)
        .containsExactlyInAnyOrder(huge, negative, text);
    assertThat(MarkdownLeaderboard.render(board.tables()))
        .doesNotContain("$-")
        .doesNotContain("Infinity");
  }

  @Test
  void aSyntheticRunIsListedApartAndNeverRanked() throws Exception {
    Path run =
        RunFixture.withData(
            RunFixture.copy("imagenet-reached", tmp.resolve("synthetic")), "synthetic", 5, 50, 50);
    RunSubmission.NotAnEntryException e =
        org.assertj.core.api.Assertions.catchThrowableOfType(
            () -> RunSubmission.training(run), RunSubmission.NotAnEntryException.class);
    assertThat(e.submissions()).hasSize(1);
    Submission files = e.submissions().get(0);
    // Handed to the leaderboard anyway, the marked file is refused like any file that breaks a
    // rule.
    Leaderboard board = Leaderboard.fromCorpus(tmp.resolve("empty-corpus"), List.of(files));
    assertThat(board.tables().stream().flatMap(t -> t.rows().stream())).isEmpty();
    assertThat(board.excluded())
        .extracting(Problem::field)
        .containsExactly("misc.notDawnbenchEntry");

    NotComparableRow row = NotComparableRow.of(files, e.task().reason());
    assertThat(row.figure()).isEqualTo("3:00:00");
    assertThat(row.format()).isEqualTo("ImageNet training");
    String md = MarkdownLeaderboard.renderNotComparable(List.of(row));
    assertThat(md)
        .startsWith("## Not DAWNBench-comparable (our runs, not ranked)")
        .contains("| ImageNet training | 3:00:00 | ResNet-50 \"fast\" &lt;b&gt;bold&lt;/b&gt; |")
        .contains("embedded synthetic data set");
    assertThat(MarkdownLeaderboard.renderNotComparable(List.of())).isEmpty();
    String html = HtmlLeaderboard.render("t", board.tables(), s -> false, List.of(row));
    assertThat(html)
        .contains("<h2>Not DAWNBench-comparable (our runs, not ranked)</h2>")
        .contains("<td class=\"num\">3:00:00</td>")
        .doesNotContain("<b>bold");
    assertThatThrownBy(() -> RunSubmission.training(run)).hasMessageNotContaining("\n");
  }
}

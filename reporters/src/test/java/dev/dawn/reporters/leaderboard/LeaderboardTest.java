package dev.dawn.reporters.leaderboard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dawn.reporters.dawnbench.Dataset;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LeaderboardTest {
  @TempDir Path root;

  void entry(String name, String author, String codeUrl, Double costPerHour, String tsv)
      throws IOException {
    Path dir = Files.createDirectories(root.resolve("CIFAR10/train"));
    Files.writeString(
        dir.resolve(name + ".json"),
        "{\"version\": \"v1.0\", \"author\": \""
            + author
            + "\", \"authorEmail\": \"a@x\", \"framework\": \"F\", \"codeURL\": \""
            + codeUrl
            + "\", \"model\": \"M\","
            + " \"hardware\": \"H|W\", "
            + (costPerHour == null ? "" : "\"costPerHour\": " + costPerHour + ", ")
            + "\"timestamp\": \"2019-7-22\"}");
    Files.writeString(dir.resolve(name + ".tsv"), tsv);
  }

  @Test
  void ranksByFirstRowReachingThresholdAndSkipsUnpricedOrInvalidEntries() throws IOException {
    entry("slow", "S", "https://s", 2.0, "epoch\thours\ttop1Accuracy\n1\t1.0\t94.0\n");
    entry(
        "fast",
        "<script>alert('x')</script> & co",
        "javascript:alert(1)",
        null,
        "epoch\thours\ttop1Accuracy\n1\t0.25\t94.5\n2\t0.5\t93.0\n");
    entry("never", "N", "https://n", 1.0, "epoch\thours\ttop1Accuracy\n1\t0.1\t90.0\n");

    Leaderboard lb = Leaderboard.fromCorpus(root);
    assertThat(lb.tables()).hasSize(12);
    assertThat(lb.excluded())
        .singleElement()
        .satisfies(p -> assertThat(p.file().getFileName().toString()).isEqualTo("never.tsv"));
    LeaderboardTable time = lb.table(Dataset.CIFAR10, LeaderboardKind.TRAINING_TIME);
    assertThat(time.rows())
        .extracting(LeaderboardRow::rank, LeaderboardRow::figure, r -> r.submission().author())
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(1, "0:15:00", "<script>alert('x')</script> & co"),
            org.assertj.core.groups.Tuple.tuple(2, "1:00:00", "S"));
    assertThat(time.rows().get(0).date()).isEqualTo("Jul 2019");
    assertThat(lb.table(Dataset.CIFAR10, LeaderboardKind.TRAINING_COST).rows())
        .extracting(LeaderboardRow::figure)
        .containsExactly("$2.00");

    String md = MarkdownLeaderboard.render(lb.tables());
    assertThat(md)
        .contains("## CIFAR10 \u2014 Training Time\n\n| Rank | Time to 94% Accuracy |")
        .contains("| 1 | 0:15:00 | Jul 2019 |")
        .contains("H\\|W")
        .doesNotContain("<script>")
        .doesNotContain("(<javascript:");
    String html = HtmlLeaderboard.render("DAWNBench", lb.tables());
    assertThat(html)
        .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; co")
        .doesNotContain("<script>")
        .doesNotContain("href=\"javascript:")
        .contains("<h2>CIFAR10 \u2014 Training Time</h2>")
        .contains("<a href=\"https://s\">source</a>");
  }

  @Test
  void aCostOfZeroIsNoPriceAndIsNotRanked() throws IOException {
    entry("free", "F", "https://f", 0.0, "epoch\thours\ttop1Accuracy\n1\t0.5\t94.0\n");
    entry("priced", "P", "https://p", 3.0, "epoch\thours\ttop1Accuracy\n1\t1.0\t94.0\n");

    Leaderboard lb = Leaderboard.fromCorpus(root);
    assertThat(lb.excluded()).as("0 is no price, not a problem").isEmpty();
    assertThat(lb.table(Dataset.CIFAR10, LeaderboardKind.TRAINING_TIME).rows())
        .extracting(r -> r.submission().author())
        .containsExactly("F", "P");
    assertThat(lb.table(Dataset.CIFAR10, LeaderboardKind.TRAINING_COST).rows())
        .extracting(r -> r.submission().author(), LeaderboardRow::figure)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("P", "$3.00"));
  }
}

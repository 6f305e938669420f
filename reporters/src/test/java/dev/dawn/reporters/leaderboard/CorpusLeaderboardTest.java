package dev.dawn.reporters.leaderboard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dawn.reporters.dawnbench.CorpusValidation;
import dev.dawn.reporters.dawnbench.Dataset;
import dev.dawn.reporters.dawnbench.DawnbenchCorpus;
import dev.dawn.reporters.dawnbench.Submission;
import dev.dawn.reporters.dawnbench.SubmissionReader;
import dev.dawn.reporters.dawnbench.SubmissionValidator;
import dev.dawn.reporters.dawnbench.Task;
import dev.dawn.reporters.dawnbench.TrainingLog;
import dev.dawn.reporters.dawnbench.TrainingTsvReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Over the real dawn-bench-entries corpus (HEAD fb27b82); skipped when it is not present. */
class CorpusLeaderboardTest {
  static Path corpus;
  static Leaderboard leaderboard;

  @BeforeAll
  static void load() {
    corpus = DawnbenchCorpus.locateOrSkip();
    leaderboard = Leaderboard.fromCorpus(corpus);
  }

  @Test
  void everyJsonAndTsvParses() throws IOException {
    List<Path> jsons = SubmissionValidator.corpusJsonFiles(corpus);
    assertThat(jsons).hasSize(118);
    for (Path json : jsons) {
      Submission s = SubmissionReader.read(json);
      assertThat(s.root().isObject()).as(json.toString()).isTrue();
    }
    List<Path> tsvs;
    try (Stream<Path> walk = Files.walk(corpus)) {
      tsvs = walk.filter(p -> p.toString().endsWith(".tsv")).sorted().toList();
    }
    assertThat(tsvs).hasSize(69);
    for (Path tsv : tsvs) {
      TrainingLog log = TrainingTsvReader.read(tsv);
      assertThat(log.rows()).as(tsv.toString()).isNotEmpty();
      assertThat(log.columns()).as(tsv.toString()).contains("epoch", "hours");
    }
    // Quirky files of the corpus: a TSV without top-5, and the like.
    assertThat(
            TrainingTsvReader.read(corpus.resolve("CIFAR10/train/KRes34_1GTX1080Ti_pytorch.tsv"))
                .columns())
        .containsExactly("epoch", "hours", "top1Accuracy");
    assertThat(
            SubmissionReader.read(
                    corpus.resolve("ImageNet/train/ppwwyyxx_resnet152_8P100-DGX1_tensorpack.json"))
                .root()
                .get("misc")
                .isTextual())
        .isTrue();
    assertThat(
            SubmissionReader.read(corpus.resolve("CIFAR10/train/ajay_resnet9_4v100_pytorch.json"))
                .model())
        .isNotBlank();
  }

  @Test
  void theMergedCorpusPassesTheCiRules() {
    // Every file at HEAD was merged through CI, so the validator must find nothing.
    assertThat(CorpusValidation.problems(corpus)).isEmpty();
    assertThat(leaderboard.excluded()).isEmpty();
  }

  @Test
  void reproducesPublishedFigures() {
    LeaderboardTable imagenetTime =
        leaderboard.table(Dataset.IMAGENET, LeaderboardKind.TRAINING_TIME);
    assertThat(imagenetTime.rows()).hasSize(27);
    assertThat(
            row(imagenetTime, "huaweicloud_resnet50_modelarts_16_machine_tensorflow18.json")
                .figure())
        .isEqualTo("0:02:43");

    LeaderboardTable imagenetCost =
        leaderboard.table(Dataset.IMAGENET, LeaderboardKind.TRAINING_COST);
    assertThat(imagenetCost.rows().get(0).figure()).isEqualTo("$7.43");
    assertThat(imagenetCost.rows().get(0).submission().file().getFileName().toString())
        .isEqualTo("alibabacloud_resnet50_gn6e_1_machine_tensorflow.json");
    assertThat(imagenetCost.rows())
        .noneMatch(r -> r.submission().file().getFileName().toString().startsWith("huaweicloud"));
    assertThat(row(imagenetCost, "google_amoeba_net_d_tpu_tensorflow18.json").figure())
        .isEqualTo("$49.30");

    LeaderboardTable cifarLatency =
        leaderboard.table(Dataset.CIFAR10, LeaderboardKind.INFERENCE_LATENCY);
    assertThat(cifarLatency.rows().get(0).submission().file().getFileName().toString())
        .isEqualTo("HuaweiCloud_resnet8_modelarts_aibox.json");
    assertThat(cifarLatency.rows().get(0).figure()).isEqualTo("0.1345");
    assertThat(row(cifarLatency, "dawn_resnet56_1k80-ec2_pytorch.json").figure())
        .isEqualTo("9.7843");

    assertThat(
            row(
                    leaderboard.table(Dataset.SQUAD, LeaderboardKind.TRAINING_COST),
                    "dawn_bidaf_1k80-ec2_tensorflow.json")
                .figure())
        .isEqualTo("$6.87");
    assertThat(
            leaderboard.table(Dataset.SQUAD, LeaderboardKind.INFERENCE_COST).rows().get(0).figure())
        .isEqualTo("$0.15");

    // Equal displayed costs keep the raw order: c5.2xlarge (0.0164) above c5.4xlarge (0.0234).
    LeaderboardTable imagenetInfCost =
        leaderboard.table(Dataset.IMAGENET, LeaderboardKind.INFERENCE_COST);
    LeaderboardRow c52 = row(imagenetInfCost, "Intel_resnet50_c5_2xlarge_intelcaffe_cost.json");
    LeaderboardRow c54 =
        imagenetInfCost.rows().stream()
            .filter(r -> r.submission().hardware().contains("c5.4xlarge"))
            .findFirst()
            .orElseThrow();
    assertThat(c52.figure()).isEqualTo("$0.02");
    assertThat(c54.figure()).isEqualTo("$0.02");
    assertThat(c52.rank()).isLessThan(c54.rank());
    // Inference tables only hold inference files.
    assertThat(imagenetInfCost.rows()).allMatch(r -> r.submission().task() == Task.INFERENCE);
  }

  @Test
  void rendersAllTwelveTables() {
    String md = MarkdownLeaderboard.render(leaderboard.tables());
    assertThat(md.lines().filter(l -> l.startsWith("## "))).hasSize(12);
    assertThat(md).startsWith("## ImageNet \u2014 Training Time\n");
    String html =
        HtmlLeaderboard.render(
            "DAWNBench", leaderboard.tables().stream().map(t -> t.top(5)).toList());
    assertThat(html).contains("0:02:43").contains("$7.43");
  }

  static LeaderboardRow row(LeaderboardTable table, String fileName) {
    return table.rows().stream()
        .filter(r -> r.submission().file().getFileName().toString().equals(fileName))
        .findFirst()
        .orElseThrow(() -> new AssertionError(fileName + " not in " + table.title()));
  }
}

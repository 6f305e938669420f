package dev.dawn.reporters.dawnbench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SubmissionValidatorTest {
  @TempDir Path root;

  static final String GOOD_TRAIN =
      """

            {
              "version": "v1.0", "author": "A", "authorEmail": "a@x", "framework": "F", "model": "M",
              "hardware": "H", "costPerHour": null, "timestamp": "2018-4-20", "misc": "free text"
            }
            """;

  @BeforeEach
  void layout() throws IOException {
    for (String d : List.of("ImageNet", "CIFAR10", "SQuAD")) {
      for (String t : List.of("train", "inference")) {
        Files.createDirectories(root.resolve(d).resolve(t));
      }
    }
  }

  Path write(String relative, String text) throws IOException {
    Path p = root.resolve(relative);
    Files.writeString(p, text);
    return p;
  }

  @Test
  void tolerantReaderAcceptsCorpusQuirks() throws IOException {
    Path json = write("CIFAR10/train/a.json", GOOD_TRAIN);
    write("CIFAR10/train/a.tsv", "\uFEFFepoch\thours\ttop1Accuracy\r\n1\t0.5\t94.5\r\n");
    Submission s = SubmissionReader.read(json);
    assertThat(s.dataset()).isEqualTo(Dataset.CIFAR10);
    assertThat(s.task()).isEqualTo(Task.TRAIN);
    assertThat(s.costPerHour()).isEmpty();
    assertThat(s.timestamp())
        .hasValueSatisfying(d -> assertThat(d.toString()).isEqualTo("2018-04-20"));
    assertThat(s.root().get("misc").asText()).isEqualTo("free text");
    assertThat(CorpusValidation.problems(root)).isEmpty();
  }

  @Test
  void reportsEachBrokenCiRuleWithFileAndField() throws IOException {
    write(
        "ImageNet/train/bad.json",
        GOOD_TRAIN
            .replace("\"v1.0\"", "\"v2.0\"")
            .replace("2018-4-20", "20/04/2018")
            .replace("\"author\": \"A\",", ""));
    write("ImageNet/train/bad.tsv", "epoch\thours\ttop1Accuracy\ttop5Accuracy\n1\t0.5\t70\t0.93\n");
    write("CIFAR10/train/cols.json", GOOD_TRAIN);
    write("CIFAR10/train/cols.tsv", "epoch\thours\ttop1Accuracy\textra\n1\t0.5\t95\t1\n");
    write("CIFAR10/train/notsv.json", GOOD_TRAIN);
    write("SQuAD/train/f1.json", GOOD_TRAIN);
    write("SQuAD/train/f1.tsv", "epoch\tf1Score\thours\n1\t0.8\t1\n2\t80.0\t2\n");
    write(
        "ImageNet/inference/inf.json",
        GOOD_TRAIN.replace("\"misc\"", "\"top5Accuracy\": 92.9, \"misc\""));
    write("CIFAR10/inference/broken.json", "{ \"version\": ");

    List<String> found =
        CorpusValidation.problems(root).stream()
            .map(p -> p.file().getFileName() + " " + p.field())
            .toList();
    assertThat(found)
        .containsExactlyInAnyOrder(
            "broken.json file",
            "cols.tsv columns",
            "notsv.tsv file",
            "bad.json author",
            "bad.json version",
            "bad.json timestamp",
            "bad.tsv top5Accuracy",
            "inf.json latency",
            "inf.json top5Accuracy",
            "f1.tsv f1Score");
    assertThat(
            SubmissionValidator.validate(root.resolve("CIFAR10/inference/broken.json"))
                .get(0)
                .rule())
        .contains("broken.json")
        .contains("line 1");
  }
}

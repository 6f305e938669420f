package dev.dawn.reporters.dawnbench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real corpus files, copied at test time into a temp corpus and broken one rule at a time: each
 * copy must be rejected with the right field, and the unbroken copy must pass. Nothing from the
 * corpus is committed.
 */
class CorpusMutationTest {
  static final ObjectMapper MAPPER = new ObjectMapper();
  static Path corpus;
  static Path train;
  static Path inference;

  @TempDir Path tmp;

  @BeforeAll
  static void pick() throws IOException {
    corpus = DawnbenchCorpus.locateOrSkip();
    train = corpus.resolve("ImageNet/train/Intel_Resnet50_ec2_Xeon_8124M_intelcaffe.json");
    try (var s = Files.list(corpus.resolve("ImageNet/inference"))) {
      inference = s.filter(p -> p.toString().endsWith(".json")).sorted().findFirst().orElseThrow();
    }
  }

  /**
   * Copies the training JSON+TSV (or inference JSON) into a fresh temp corpus, applying the
   * mutations.
   */
  Path copy(String name, Path json, Consumer<ObjectNode> jsonEdit, UnaryOperator<String> tsvEdit)
      throws IOException {
    Path dir = tmp.resolve(name).resolve("ImageNet").resolve(json.getParent().getFileName());
    Files.createDirectories(dir);
    ObjectNode root = (ObjectNode) MAPPER.readTree(Files.readString(json).replace("\uFEFF", ""));
    jsonEdit.accept(root);
    Path out = dir.resolve(json.getFileName());
    Files.writeString(out, MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root));
    Path tsv = json.resolveSibling(json.getFileName().toString().replace(".json", ".tsv"));
    if (Files.exists(tsv)) {
      String text = tsvEdit.apply(Files.readString(tsv));
      if (text != null) {
        Files.writeString(dir.resolve(tsv.getFileName()), text);
      }
    }
    return out;
  }

  List<String> fields(Path json) {
    return SubmissionValidator.validate(json).stream().map(Problem::field).toList();
  }

  @Test
  void unbrokenCopiesPass() throws IOException {
    assertThat(SubmissionValidator.validate(copy("ok-train", train, j -> {}, t -> t))).isEmpty();
    assertThat(SubmissionValidator.validate(copy("ok-inf", inference, j -> {}, t -> t))).isEmpty();
  }

  @Test
  void brokenJsonFieldsAreRejected() throws IOException {
    assertThat(fields(copy("no-author", train, j -> j.remove("author"), t -> t)))
        .containsExactly("author");
    assertThat(fields(copy("version", train, j -> j.put("version", "v2.0"), t -> t)))
        .containsExactly("version");
    assertThat(fields(copy("timestamp", train, j -> j.put("timestamp", "April 2018"), t -> t)))
        .containsExactly("timestamp");
    assertThat(fields(copy("no-latency", inference, j -> j.remove("latency"), t -> t)))
        .containsExactly("latency");
    assertThat(fields(copy("low-acc", inference, j -> j.put("top5Accuracy", 92.9), t -> t)))
        .containsExactly("top5Accuracy");
    Path truncated = copy("truncated", train, j -> {}, t -> t);
    Files.writeString(truncated, Files.readString(truncated).substring(0, 40));
    assertThat(fields(truncated)).containsExactly("file");
  }

  @Test
  void brokenTrainingLogsAreRejected() throws IOException {
    assertThat(fields(copy("no-tsv", train, j -> {}, t -> null))).containsExactly("file");
    assertThat(
            fields(
                copy(
                    "header-only",
                    train,
                    j -> {},
                    t -> t.lines().findFirst().orElseThrow() + "\n")))
        .containsExactly("rows");
    assertThat(fields(copy("no-top5", train, j -> {}, CorpusMutationTest::dropLastColumn)))
        .containsExactly("columns");
    assertThat(fields(copy("below", train, j -> {}, CorpusMutationTest::capTop5)))
        .containsExactly("top5Accuracy");
  }

  private static String dropLastColumn(String tsv) {
    StringBuilder b = new StringBuilder();
    tsv.lines()
        .forEach(
            l -> b.append(l.contains("\t") ? l.substring(0, l.lastIndexOf('\t')) : l).append('\n'));
    return b.toString();
  }

  /** Every top-5 value replaced by 50 (the header stays). */
  private static String capTop5(String tsv) {
    List<String> lines = tsv.lines().filter(l -> !l.isBlank()).toList();
    List<String> header = List.of(lines.get(0).split("\t"));
    int c = header.stream().map(String::strip).toList().indexOf("top5Accuracy");
    StringBuilder b = new StringBuilder(lines.get(0)).append('\n');
    for (String l : lines.subList(1, lines.size())) {
      String[] f = l.split("\t", -1);
      f[c] = "50";
      b.append(String.join("\t", f)).append('\n');
    }
    return b.toString();
  }
}

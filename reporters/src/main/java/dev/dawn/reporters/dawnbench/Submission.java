package dev.dawn.reporters.dawnbench;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * One DAWNBench submission JSON as found in the corpus, kept as a Jackson tree because real files
 * carry undocumented keys and odd types ({@code misc} as a string, {@code null} costs). Accessors
 * are lenient; {@link SubmissionValidator} says what is wrong.
 *
 * @param file where it was read from
 * @param dataset from the folder ({@code <Dataset>/<task>/<name>.json}) or given by the caller
 * @param task train or inference
 * @param root the parsed JSON object
 */
public record Submission(Path file, Dataset dataset, Task task, JsonNode root) {

  /**
   * Python {@code strptime('%Y-%m-%d')} semantics: month and day may be unpadded ({@code
   * 2018-4-20}).
   */
  static final DateTimeFormatter TIMESTAMP =
      DateTimeFormatter.ofPattern("uuuu-M-d").withResolverStyle(ResolverStyle.STRICT);

  public boolean has(String field) {
    return root.has(field);
  }

  /** A string field; empty when absent, null or not a string. */
  public Optional<String> text(String field) {
    JsonNode v = root.get(field);
    return v != null && v.isTextual() ? Optional.of(v.asText()) : Optional.empty();
  }

  /** A numeric field; empty when absent, {@code null} or not a number. */
  public OptionalDouble number(String field) {
    JsonNode v = root.get(field);
    return v != null && v.isNumber() ? OptionalDouble.of(v.asDouble()) : OptionalDouble.empty();
  }

  public String author() {
    return text("author").orElse("");
  }

  public String authorEmail() {
    return text("authorEmail").orElse("");
  }

  public String model() {
    return text("model").orElse("");
  }

  public String hardware() {
    return text("hardware").orElse("");
  }

  public String framework() {
    return text("framework").orElse("");
  }

  /** Stripped: real entries have stray spaces (" https://github.com/BAIDU-..."). */
  public Optional<String> codeURL() {
    return text("codeURL").map(String::strip).filter(u -> !u.isEmpty());
  }

  /** The parsed timestamp, or empty when absent or not a valid {@code yyyy-m-d} date. */
  public Optional<LocalDate> timestamp() {
    return text("timestamp")
        .flatMap(
            s -> {
              try {
                return Optional.of(LocalDate.parse(s, TIMESTAMP));
              } catch (DateTimeParseException e) {
                return Optional.empty();
              }
            });
  }

  public OptionalDouble costPerHour() {
    return number("costPerHour");
  }

  /** Inference: ms per item. */
  public OptionalDouble latency() {
    return number("latency");
  }

  /** Inference: USD per item. */
  public OptionalDouble cost() {
    return number("cost");
  }

  /**
   * Inference: the dataset's accuracy key ({@code top5Accuracy}, {@code top1Accuracy} or {@code
   * f1Score}).
   */
  public OptionalDouble accuracy() {
    return number(dataset.metric());
  }

  /** The sibling training TSV ({@code <basename>.tsv}), as the CI finds it. */
  public Path trainingTsv() {
    String name = file.getFileName().toString();
    int dot = name.lastIndexOf('.');
    return file.resolveSibling((dot < 0 ? name : name.substring(0, dot)) + ".tsv");
  }
}

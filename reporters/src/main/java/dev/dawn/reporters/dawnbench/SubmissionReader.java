package dev.dawn.reporters.dawnbench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads a submission JSON (UTF-8, optional BOM, leading blank lines, any indentation or line
 * ending).
 */
public final class SubmissionReader {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private SubmissionReader() {}

  /**
   * Reads a file laid out as in the entries repo: {@code
   * .../<Dataset>/<train|inference>/<name>.json}.
   */
  public static Submission read(Path file) {
    Path taskDir = file.toAbsolutePath().normalize().getParent();
    Path datasetDir = taskDir == null ? null : taskDir.getParent();
    if (datasetDir == null || datasetDir.getFileName() == null) {
      throw new IllegalArgumentException(
          file
              + ": cannot tell dataset and task; expected <Dataset>/<train|inference>/<name>.json");
    }
    Dataset dataset;
    Task task;
    try {
      dataset = Dataset.fromFolderName(datasetDir.getFileName().toString());
      task = Task.fromFolderName(taskDir.getFileName().toString());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
    }
    return read(file, dataset, task);
  }

  /** Reads a file whose dataset and task the caller knows (e.g. a run directory of ours). */
  public static Submission read(Path file, Dataset dataset, Task task) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read submission " + file, e);
    }
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    JsonNode root;
    try {
      root = MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      // A parser limit (e.g. nesting deeper than 1000 levels) is reported without a location.
      var at = e.getLocation();
      throw new IllegalArgumentException(
          file
              + ": not valid JSON"
              + (at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr())
              + ": "
              + e.getOriginalMessage(),
          e);
    }
    if (root == null || !root.isObject()) {
      throw new IllegalArgumentException(file + ": a submission must be a JSON object");
    }
    return new Submission(file, dataset, task, root);
  }
}

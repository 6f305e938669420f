package dev.dawn.workloads.checkpoint;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dawn.workloads.models.DataFormat;
import dev.dawn.workloads.models.ModelSpec;
import dev.dawn.workloads.models.export.WeightFileException;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code model.json} beside a checkpoint's variables: the {@link ModelSpec} that built them, so a
 * checkpoint can be read without the run's config (and a pruned model, whose convs have their own
 * widths, rebuilt). {@code {"format": "dawn-model-v1", "spec": {architecture, numClasses,
 * widthMultiplier, variant, dataFormat[, channels: {conv: count}]}}}.
 */
final class ModelSpecFile {
  static final String NAME = "model.json";
  private static final String FORMAT = "dawn-model-v1";
  private static final ObjectMapper JSON = new ObjectMapper();

  private ModelSpecFile() {}

  /**
   * Writes {@code dir/model.json} by write-then-rename, so a checkpoint folder that has it is
   * whole: it is written after the variables.
   */
  static void write(Path dir, ModelSpec spec) throws IOException {
    ObjectNode root = JSON.createObjectNode();
    root.put("format", FORMAT);
    ObjectNode s = root.putObject("spec");
    s.put("architecture", spec.architecture());
    s.put("numClasses", spec.numClasses());
    s.put("widthMultiplier", spec.widthMultiplier());
    if (spec.variant() == null) {
      s.putNull("variant");
    } else {
      s.put("variant", spec.variant());
    }
    s.put("dataFormat", spec.dataFormat().name());
    if (!spec.channels().isEmpty()) {
      ObjectNode channels = s.putObject("channels");
      spec.channels().forEach(channels::put);
    }
    Path target = dir.resolve(NAME);
    Path tmp = dir.resolve(NAME + ".tmp");
    try {
      Files.write(tmp, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(root));
      try {
        Files.move(
            tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      Files.deleteIfExists(tmp);
      throw new IOException("cannot write " + target + ": " + e.getMessage(), e);
    }
  }

  /**
   * @throws WeightFileException naming the file when it is missing or not a model description
   */
  static ModelSpec read(Path dir) {
    Path file = dir.resolve(NAME);
    JsonNode root;
    try {
      root = JSON.readTree(file.toFile());
    } catch (NoSuchFileException | java.io.FileNotFoundException e) {
      throw new WeightFileException(file, "missing: not a checkpoint folder written by dawn", e);
    } catch (IOException e) {
      throw new WeightFileException(file, "is not valid JSON: " + e.getMessage(), e);
    }
    if (root == null || !root.isObject()) {
      throw new WeightFileException(file, "is empty or not a JSON object");
    }
    if (!FORMAT.equals(root.path("format").asText())) {
      throw new WeightFileException(
          file,
          "key 'format' must be '" + FORMAT + "', got '" + root.path("format").asText() + "'");
    }
    JsonNode s = root.path("spec");
    if (!s.isObject()) {
      throw new WeightFileException(
          file, "key 'spec' must be an object with the model architecture");
    }
    try {
      JsonNode variant = s.path("variant");
      JsonNode format = s.path("dataFormat");
      Map<String, Integer> channels = new LinkedHashMap<>();
      JsonNode channelsNode = s.path("channels");
      if (!channelsNode.isMissingNode() && !channelsNode.isObject()) {
        throw new IllegalArgumentException("'channels' must map conv names to channel counts");
      }
      channelsNode
          .fields()
          .forEachRemaining(
              e -> channels.put(e.getKey(), wholeNumber(file, e.getValue(), e.getKey())));
      return new ModelSpec(
          s.path("architecture").asText(null),
          wholeNumber(file, s.path("numClasses"), "numClasses"),
          s.path("widthMultiplier").asDouble(Double.NaN),
          variant.isTextual() ? variant.asText() : null,
          format.isTextual() ? DataFormat.valueOf(format.asText()) : null,
          channels);
    } catch (IllegalArgumentException e) {
      throw new WeightFileException(file, "key 'spec': " + e.getMessage(), e);
    }
  }

  private static int wholeNumber(Path file, JsonNode v, String key) {
    if (!v.isIntegralNumber() || !v.canConvertToInt()) {
      throw new WeightFileException(
          file,
          "key '" + key + "' must be a whole number, got " + (v.isMissingNode() ? "nothing" : v));
    }
    return v.asInt();
  }
}

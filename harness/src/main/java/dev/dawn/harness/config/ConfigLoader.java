package dev.dawn.harness.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a training config: the built-in defaults, the file, an optional {@code --scale} and the
 * {@code --set} overrides are laid over each other and bound to {@link TrainConfig} in one pass, so
 * an unknown or mistyped key, a value of the wrong type or out of range fails before any work,
 * naming the file and line (or the {@code --set}), the key and what is allowed there.
 */
public final class ConfigLoader {

  /**
   * The effective config, its tree (written to the run folder as config.yaml) and where each key
   * was written.
   */
  public record Loaded(TrainConfig config, JsonNode tree, String source, ConfigLayers layers) {
    /** "file:line", "--set key" or the file: where to fix {@code key} (dotted). */
    public String where(String key) {
      return layers == null ? source : layers.where(key);
    }

    /**
     * Refuses a batch that does not fit the training split of the opened data set (the synthetic
     * set is checked when the config is read), before a run folder exists.
     */
    public void requireBatchesFit(long trainImages, String split) {
      List<String> problems = new ArrayList<>();
      for (var b : config.train().batchesFit(trainImages, split)) {
        problems.add(where("train." + b.key()) + ": key 'train." + b.key() + "' " + b.rule());
      }
      if (!problems.isEmpty()) throw new ConfigException(problems);
    }
  }

  public Loaded load(Path file, List<String> overrides) {
    return load(file, null, overrides);
  }

  /**
   * @param scale name of a partial config under {@code scales:} to lay over the file (e.g. cpu), or
   *     null
   */
  public Loaded load(Path file, String scale, List<String> overrides) {
    return load(ConfigYaml.read(file), file.toString(), scale, overrides);
  }

  public Loaded load(String yamlText, String source, List<String> overrides) {
    return load(yamlText, source, null, overrides);
  }

  /**
   * One key laid over the file after the {@code --set}s by a tool that read it elsewhere (a sweep
   * spec's grid cell), with the place an error should point at, e.g. {@code sweep.yaml:7}.
   */
  public record KeyValue(String key, JsonNode value, String origin) {}

  /**
   * As {@link #load(Path, String, List)}, then {@code placed} laid over in order and bound with the
   * rest.
   */
  public Loaded load(Path file, String scale, List<String> overrides, List<KeyValue> placed) {
    return load(ConfigYaml.read(file), file.toString(), scale, overrides, placed);
  }

  public Loaded load(String yamlText, String source, String scale, List<String> overrides) {
    return load(yamlText, source, scale, overrides, List.of());
  }

  private Loaded load(
      String yamlText, String source, String scale, List<String> overrides, List<KeyValue> placed) {
    ConfigReader.Layered<TrainConfig> read =
        ConfigReader.read(ConfigSchema.TRAINING, yamlText, source, scale, overrides, placed);
    return new Loaded(read.config(), read.tree(), source, read.layers());
  }

  /** Renders the effective config as YAML, for config.yaml in the run folder. */
  public String toYaml(JsonNode tree) {
    try {
      return ConfigYaml.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(tree);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}

package dev.dawn.harness.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads {@code dawn infer}'s config: the built-in defaults, an optional file, the command's flags
 * (each a key, placed with the flag's name as where it was written) and the {@code --set}
 * overrides, bound to {@link InferenceConfig}.
 */
public final class InferenceConfigLoader {
  /** The effective config and its tree (the run's config.yaml). */
  public record Loaded(InferenceConfig config, JsonNode tree) {}

  private InferenceConfigLoader() {}

  /**
   * @param file an inference config file, or null for the defaults alone
   * @param flags keys set by the command's flags, laid over after the file and before {@code --set}
   */
  public static Loaded load(Path file, List<ConfigLoader.KeyValue> flags, List<String> overrides) {
    String text = file == null ? "{}" : ConfigYaml.read(file);
    String source = file == null ? "dawn infer's defaults" : file.toString();
    ConfigReader.Layered<InferenceConfig> read =
        ConfigReader.read(ConfigSchema.INFERENCE, text, source, null, overrides, flags);
    return new Loaded(read.config(), read.tree());
  }
}

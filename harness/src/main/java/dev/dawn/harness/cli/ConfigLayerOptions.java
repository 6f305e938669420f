package dev.dawn.harness.cli;

import dev.dawn.harness.config.ConfigLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * The {@code --scale} and {@code --set} options of every command that reads a training config
 * (picocli mixin), and the config they lead to: defaults, the file, its scale, then each override.
 */
final class ConfigLayerOptions {
  @Option(
      names = "--scale",
      paramLabel = "NAME",
      description =
          "Lay the config's scales.NAME over it, e.g. --scale cpu for the scaled form of a reference recipe.")
  String scale;

  @Option(
      names = "--set",
      paramLabel = "KEY=VALUE",
      description = {
        "Override one config key with a YAML value, e.g. --set train.epochs=5 or",
        "--set 'train.phases=[{epochs: 2, resolution: 16, batchSize: 8}]' (repeatable; checked like the file, and an",
        "error names the --set)."
      })
  List<String> overrides = new ArrayList<>();

  ConfigLoader.Loaded load(Path config) {
    return new ConfigLoader().load(config, scale, overrides);
  }
}

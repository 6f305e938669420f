package dev.dawn.harness.recipes;

import dev.dawn.harness.config.ConfigLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * One reference config: the published result it reproduces ({@code reference:}) and the run name of
 * its CPU-scaled form ({@code scales.cpu}), by which our own runs of it are found.
 *
 * @param scaledName the {@code name} of the {@code --scale cpu} form, empty when the file has no
 *     cpu scale
 */
public record ReferenceRecipe(
    Path file, String name, Map<String, Object> reference, Optional<String> scaledName) {
  public static final String CPU_SCALE = "cpu";

  /**
   * Loads the file strictly (full form and, when present, its cpu form), so a broken config fails
   * here.
   */
  public static ReferenceRecipe load(Path file) {
    var loader = new ConfigLoader();
    var full = loader.load(file, List.of()).config();
    Optional<String> scaled =
        full.scales().containsKey(CPU_SCALE)
            ? Optional.of(loader.load(file, CPU_SCALE, List.of()).config().name())
            : Optional.empty();
    return new ReferenceRecipe(file, full.name(), full.reference(), scaled);
  }

  /** Every {@code *.yaml} in {@code dir}, by file name. */
  public static List<ReferenceRecipe> all(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files
          .filter(p -> p.getFileName().toString().endsWith(".yaml") && Files.isRegularFile(p))
          .sorted()
          .map(ReferenceRecipe::load)
          .toList();
    }
  }

  /** {@code reference.<key>} as text, if present. */
  public Optional<String> note(String key) {
    Object value = reference.get(key);
    return value == null ? Optional.empty() : Optional.of(String.valueOf(value));
  }

  /** {@code reference.notYetModelled}, empty when absent. */
  public List<String> notYetModelled() {
    Object value = reference.get("notYetModelled");
    if (value instanceof List<?> list) return list.stream().map(String::valueOf).toList();
    return List.of();
  }
}

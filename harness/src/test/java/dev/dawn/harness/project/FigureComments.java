package dev.dawn.harness.project;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The rule every projection file (device, network, stack) keeps: the source or the reason of each
 * figure sits in a comment right above it.
 */
final class FigureComments {
  private FigureComments() {}

  /** The YAML files of {@code dir}, by name. */
  static List<Path> yamlFiles(Path dir) throws IOException {
    try (var s = Files.list(dir)) {
      return s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
    }
  }

  /** Each of {@code keys} (e.g. {@code imagesPerSecond:}) starts a line with a comment above. */
  static void assertCommentAbove(Path file, List<String> keys) throws IOException {
    List<String> lines = Files.readAllLines(file);
    for (String key : keys) {
      int i = -1;
      for (int k = 0; k < lines.size() && i < 0; k++)
        if (lines.get(k).trim().startsWith(key)) i = k;
      assertThat(i).as(file + " " + key).isPositive();
      assertThat(lines.get(i - 1).trim()).as(file + ": comment above " + key).startsWith("#");
    }
  }
}

package dev.dawn.reporters.dawnbench;

import java.nio.file.Path;

/**
 * One broken rule.
 *
 * @param file the JSON or TSV at fault
 * @param field the JSON key or TSV column (or {@code "file"} for the whole file)
 * @param rule what the rule requires and what was found
 */
public record Problem(Path file, String field, String rule) {
  @Override
  public String toString() {
    return file + ": " + field + ": " + rule;
  }
}

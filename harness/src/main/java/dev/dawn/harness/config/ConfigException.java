package dev.dawn.harness.config;

import java.util.List;

/** A config that breaks a rule; the message lists every problem with file, line, key and rule. */
public final class ConfigException extends RuntimeException {
  private final List<String> problems;

  public ConfigException(List<String> problems) {
    super(String.join(System.lineSeparator(), problems));
    this.problems = List.copyOf(problems);
  }

  public List<String> problems() {
    return problems;
  }
}

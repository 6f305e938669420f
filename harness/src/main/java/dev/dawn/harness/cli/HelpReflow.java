package dev.dawn.harness.cli;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Picocli prints each element of a {@code description} array on its own line and wraps it at the usage width, so
 * text written as several source lines came out ragged. This joins such lines into paragraphs that picocli wraps
 * evenly. A new line still starts at an empty element (a paragraph break), an indented element or a list item.
 */
final class HelpReflow {
  private HelpReflow() {}

  /** Reflows the descriptions of {@code spec}, its options and all its subcommands. */
  static void apply(CommandSpec spec) {
    spec.usageMessage().description(paragraphs(spec.usageMessage().description()));
    for (OptionSpec option : List.copyOf(spec.options())) {
      String[] reflowed = paragraphs(option.description());
      if (!Arrays.equals(reflowed, option.description())) {
        spec.remove(option);
        spec.addOption(option.toBuilder().description(reflowed).build());
      }
    }
    spec.subcommands().values().forEach(sub -> apply(sub.getCommandSpec()));
  }

  static String[] paragraphs(String[] lines) {
    List<String> out = new ArrayList<>();
    for (String line : lines) {
      boolean startsNew = out.isEmpty() || line.isEmpty() || out.get(out.size() - 1).isEmpty()
          || line.startsWith(" ") || line.startsWith("- ") || line.startsWith("* ");
      if (startsNew) {
        out.add(line);
      } else {
        out.set(out.size() - 1, out.get(out.size() - 1) + " " + line);
      }
    }
    return out.toArray(String[]::new);
  }
}

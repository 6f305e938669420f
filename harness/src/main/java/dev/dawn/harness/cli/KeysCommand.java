package dev.dawn.harness.cli;

import dev.dawn.harness.config.ConfigReference;
import dev.dawn.harness.config.ConfigSchema;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
    name = "keys",
    mixinStandardHelpOptions = true,
    description = {
      "Print every key a config may set, as a Markdown table: the key (dotted, as --set takes it), what it "
          + "takes (the names of a choice, or integer, number, text, list) and its built-in default. "
          + "Read from the config records and the defaults file, so it is always the build's own list.",
      "Training configs (dawn train, sweeps) by default; --inference for dawn infer's config. What each key "
          + "means: docs/config.md and docs/inference.md."
    })
final class KeysCommand implements Callable<Integer> {
  @Option(names = "--inference", description = "The keys of dawn infer's config instead.")
  boolean inference;

  @Option(
      names = "--page",
      description = "Both tables as the page docs/config-keys.md (what 'make docs' writes).")
  boolean page;

  @Override
  public Integer call() {
    System.out.print(
        page
            ? ConfigReference.page()
            : ConfigReference.markdown(inference ? ConfigSchema.INFERENCE : ConfigSchema.TRAINING));
    return 0;
  }
}

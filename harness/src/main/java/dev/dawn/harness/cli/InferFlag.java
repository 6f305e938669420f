package dev.dawn.harness.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dawn.harness.config.ConfigSchema;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Each {@code dawn infer} flag is one key of the inference config ({@link
 * dev.dawn.harness.config.InferenceConfig}): its default comes from {@code infer-defaults.yaml} (so
 * {@code --help} shows the same default the config holds), and a flag given on the command line is
 * laid over the config file like a {@code --set} of its key.
 */
enum InferFlag {
  MODEL("--model", "model.path"),
  RANDOM_RESNET50("--random-resnet50", "model.randomResnet50"),
  DATA_CONFIG("--config", "model.dataConfig"),
  PRECISION("--precision", "precisions"),
  PRUNE("--prune", "prune.ratios"),
  PRUNE_RESIDUAL_GROUPS("--prune-residual-groups", "prune.residualGroups"),
  FINE_TUNE_EPOCHS("--fine-tune-epochs", "prune.fineTuneEpochs"),
  FINE_TUNE_LR("--fine-tune-lr", "prune.fineTuneLearningRate"),
  BATCH_SIZES("--batch-sizes", "measure.batchSizes"),
  BATCH_REPEATS("--batch-repeats", "measure.batchRepeats"),
  WARMUP("--warmup", "measure.warmupImages"),
  LIMIT("--limit", "measure.limit"),
  PROFILE("--profile", "measure.profileSteps"),
  CALIBRATION("--calibration", "int8.calibration"),
  CALIBRATION_IMAGES("--calibration-images", "int8.calibrationImages"),
  FP32_FIRST("--fp32-first", "int8.firstConvFp32"),
  FP32_LAST("--fp32-last", "int8.lastConvFp32"),
  INTRA_OP("--intra-op", "threads.intraOp"),
  INTER_OP("--inter-op", "threads.interOp"),
  ACCURACY_BUDGET("--accuracy-budget", "accuracyBudget"),
  EXPORT_SAVEDMODEL("--export-savedmodel", "exportSavedModel");

  private static final ObjectMapper JSON = new ObjectMapper();

  private final String flag;
  private final String key;

  InferFlag(String flag, String key) {
    this.flag = flag;
    this.key = key;
  }

  String key() {
    return key;
  }

  static Optional<InferFlag> of(String flag) {
    for (InferFlag f : values()) {
      if (f.flag.equals(flag)) {
        return Optional.of(f);
      }
    }
    return Optional.empty();
  }

  /** The keys set by the flags given on the command line, each placed at its flag. */
  static List<dev.dawn.harness.config.ConfigLoader.KeyValue> given(CommandLine.ParseResult parsed) {
    List<dev.dawn.harness.config.ConfigLoader.KeyValue> out = new ArrayList<>();
    for (OptionSpec o : parsed.matchedOptions()) {
      of(o.longestName())
          .ifPresent(
              f -> {
                Object v = o.getValue();
                JsonNode value = JSON.valueToTree(v instanceof Path p ? p.toString() : v);
                out.add(new dev.dawn.harness.config.ConfigLoader.KeyValue(f.key, value, f.flag));
              });
    }
    return out;
  }

  /** Each flag's default: its key's value in the built-in inference defaults. */
  static final class Defaults implements CommandLine.IDefaultValueProvider {
    private final JsonNode defaults = ConfigSchema.INFERENCE.defaults();

    @Override
    public String defaultValue(ArgSpec arg) {
      if (!(arg instanceof OptionSpec o)) {
        return null;
      }
      return of(o.longestName())
          .map(f -> text(defaults.at("/" + f.key.replace('.', '/'))))
          .orElse(null);
    }

    private static String text(JsonNode v) {
      if (v == null || v.isMissingNode() || v.isNull()) {
        return null;
      }
      if (v.isArray()) {
        List<String> items = new ArrayList<>();
        v.forEach(item -> items.add(item.asText()));
        return String.join(",", items);
      }
      return v.asText();
    }
  }
}

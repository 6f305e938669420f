package dev.dawn.harness.train;

import dev.dawn.harness.config.DataKind;
import dev.dawn.harness.config.TrainConfig;
import dev.dawn.reporters.dawnbench.Dataset;
import dev.dawn.reporters.dawnbench.DawnbenchTask;
import dev.dawn.workloads.data.ImageDataset;
import dev.dawn.workloads.training.schedule.SpecReader;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The value of the {@code dawnbench_entry} event: what the DAWNBench JSON will say about this run.
 * Logged once at run start so that the submission files are derived from the event log alone.
 */
public final class DawnbenchEntryEvent {
  private DawnbenchEntryEvent() {}

  static Map<String, Object> of(TrainConfig config, LocalDate today) {
    var s = config.submission();
    Map<String, Object> entry = new LinkedHashMap<>();
    entry.put("dataset", fileFormat(config).folderName());
    entry.put("fileBasename", config.dawnbenchFileBasename());
    entry.put("author", s.author());
    entry.put("authorEmail", s.authorEmail());
    entry.put("framework", s.framework());
    if (s.codeURL() != null && !s.codeURL().isBlank()) entry.put("codeURL", s.codeURL());
    entry.put("model", s.model());
    entry.put("hardware", s.machineHardware());
    if (s.costPerHour() != null) entry.put("costPerHour", s.costPerHour());
    entry.put("timestamp", today.toString());
    if (s.usedBlacklist() != null) entry.put("usedBlacklist", s.usedBlacklist());
    entry.put("metric", config.train().targetMetric().configName());
    entry.put("threshold", config.train().targetAccuracy());
    entry.put("misc", misc(config));
    return entry;
  }

  /**
   * The DAWNBench format the run's files follow (TSV columns, metric, threshold): CIFAR10's for
   * CIFAR-10 data, ImageNet's for ImageNet-shaped data (real or synthetic). Whether the run is an
   * entry is {@link #task}'s verdict.
   */
  static Dataset fileFormat(TrainConfig config) {
    return config.data().kind() == DataKind.CIFAR10 ? Dataset.CIFAR10 : Dataset.IMAGENET;
  }

  /**
   * Whether a run on this data is a DAWNBench entry: training evaluates the whole validation split
   * after every epoch, so the evaluated images are the split's.
   */
  public static DawnbenchTask task(TrainConfig config, ImageDataset dataset) {
    String init = config.train().initWeights();
    return DawnbenchTask.judge(
        new DawnbenchTask.Facts(
            config.data().kind().configName(),
            dataset.classNames().size(),
            dataset.validation().size(),
            dataset.validation().size(),
            init == null || init.isBlank() ? null : init,
            config.submission().usedBlacklist()));
  }

  /** Hyper-parameters that DAWNBench reviewers asked to see in {@code misc}. */
  private static Map<String, Object> misc(TrainConfig c) {
    Map<String, Object> misc = new LinkedHashMap<>();
    misc.put("dataset", c.data().kind().configName());
    misc.put(
        "optimizer",
        c.optimizer().name().configName() + (c.optimizer().nesterov() ? " (Nesterov)" : ""));
    misc.put("momentum", c.optimizer().momentum());
    misc.put("weightDecay", c.optimizer().weightDecay());
    misc.put("batchSize", c.train().batchSize());
    misc.put("learningRate", c.optimizer().learningRate());
    misc.put("warmupEpochs", c.optimizer().warmupEpochs());
    misc.put("schedule", SpecReader.toMap(c.optimizer().schedule()));
    misc.put("labelSmoothing", c.optimizer().labelSmoothing());
    misc.put("imageSize", c.train().resolution());
    misc.put("modelWidth", c.model().width());
    misc.put("intraOpThreads", c.threads().intraOp());
    misc.put("interOpThreads", c.threads().interOp());
    return misc;
  }
}

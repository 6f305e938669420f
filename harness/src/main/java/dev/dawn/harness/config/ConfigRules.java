package dev.dawn.harness.config;

import dev.dawn.workloads.models.ConvWidths;
import dev.dawn.workloads.models.ModelSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Range and choice rules of a bound config; each broken rule becomes one line naming file, line and key. */
final class ConfigRules {
  static final Set<String> DATA_KINDS = Set.of("synthetic", "imagenet", "cifar10");
  static final Set<String> ARCHITECTURES = ModelSpec.ARCHITECTURES; // every described architecture
  static final Set<String> VARIANTS = Set.of("default", "B", "C", "D");
  static final Set<String> FORMATS = Set.of("NHWC", "NCHW");
  static final Set<String> METRICS = Set.of("top5Accuracy", "top1Accuracy");
  static final Set<String> OPTIMIZERS = Set.of("momentum", "lars");
  static final Set<String> PRECISIONS = Set.of("fp32", "bf16", "fp16");

  private final String source;
  private final YamlLineIndex lines;
  private final List<String> problems = new ArrayList<>();

  ConfigRules(String source, YamlLineIndex lines) {
    this.source = source;
    this.lines = lines;
  }

  List<String> check(TrainConfig c) {
    if (c.name() == null || !c.name().matches("[A-Za-z0-9._-]{1,64}")) {
      fail("name", "must be 1-64 characters of letters, digits, '.', '_' or '-' (it names the run folder)");
    }
    var d = c.data();
    oneOf("data.kind", d.kind(), DATA_KINDS);
    if (d.path() == null || d.path().isBlank()) fail("data.path", "must name a folder");
    atLeast("data.workers", d.workers(), 1);
    atLeast("data.prefetchBatches", d.prefetchBatches(), 1);
    if (!(d.minCropScale() > 0 && d.minCropScale() <= 1)) fail("data.minCropScale", "must be in (0, 1]");
    var s = d.synthetic();
    atLeast("data.synthetic.classes", s.classes(), 2);
    atLeast("data.synthetic.trainPerClass", s.trainPerClass(), 1);
    atLeast("data.synthetic.valPerClass", s.valPerClass(), 1);
    atLeast("data.synthetic.imageSize", s.imageSize(), 8);

    var m = c.model();
    oneOf("model.architecture", m.architecture(), ARCHITECTURES);
    if (!(m.width() > 0 && m.width() <= 4)) fail("model.width", "must be in (0, 4] (1.0 = the published widths)");
    oneOf("model.variant", m.variant(), VARIANTS);
    oneOf("model.dataFormat", m.dataFormat(), FORMATS);
    checkChannels(m);

    var t = c.train();
    atLeast("train.epochs", t.epochs(), 1);
    atLeast("train.batchSize", t.batchSize(), 1);
    atLeast("train.resolution", t.resolution(), 8);
    atLeast("train.evalResolution", t.evalResolution(), 8);
    atLeast("train.evalBatchSize", t.evalBatchSize(), 1);
    atLeast("train.logEverySteps", t.logEverySteps(), 1);
    oneOf("train.targetMetric", t.targetMetric(), METRICS);
    atLeast("train.accumulationSteps", t.accumulationSteps(), 1);
    if (t.accumulationSteps() > 1 && t.batchSize() % t.accumulationSteps() != 0) {
      fail("train.accumulationSteps", "must divide train.batchSize (" + t.batchSize() + ") into equal micro-batches");
    }
    oneOf("train.precision", t.precision(), PRECISIONS);
    if (!isLossScale(t.lossScale())) {
      fail("train.lossScale", "must be one of [dynamic, none] or a positive number (a fixed scale), got '" + t.lossScale() + "'");
    }
    for (int i = 0; i < t.phases().size(); i++) {
      var p = t.phases().get(i);
      atLeast("train.phases[" + i + "].epochs", p.epochs(), 1);
      atLeast("train.phases[" + i + "].resolution", p.resolution(), 8);
      atLeast("train.phases[" + i + "].batchSize", p.batchSize(), 1);
      if (t.accumulationSteps() > 1 && p.batchSize() % t.accumulationSteps() != 0) {
        fail("train.phases[" + i + "].batchSize", "must be divisible by train.accumulationSteps (" + t.accumulationSteps() + ")");
      }
    }
    if (!(t.targetAccuracy() > 0 && t.targetAccuracy() <= 100)) fail("train.targetAccuracy", "must be a percentage in (0, 100]");

    var o = c.optimizer();
    oneOf("optimizer.name", o.name(), OPTIMIZERS);
    if (!(o.learningRate() > 0)) fail("optimizer.learningRate", "must be > 0");
    if (!(o.momentum() >= 0 && o.momentum() < 1)) fail("optimizer.momentum", "must be in [0, 1)");
    if (!(o.weightDecay() >= 0)) fail("optimizer.weightDecay", "must be >= 0");
    if (!(o.labelSmoothing() >= 0 && o.labelSmoothing() < 1)) fail("optimizer.labelSmoothing", "must be in [0, 1)");
    if (!(o.warmupEpochs() >= 0)) fail("optimizer.warmupEpochs", "must be >= 0");
    if (!(o.larsEta() > 0)) fail("optimizer.larsEta", "must be > 0");

    atLeast("threads.intraOp", c.threads().intraOp(), 0);
    atLeast("threads.interOp", c.threads().interOp(), 0);

    var sub = c.submission();
    if (sub.costPerHour() != null && !(sub.costPerHour() >= 0)) fail("submission.costPerHour", "must be >= 0 (USD per hour, on-demand price)");
    for (var field : List.of(new String[] {"submission.author", sub.author()}, new String[] {"submission.model", sub.model()},
        new String[] {"submission.framework", sub.framework()}, new String[] {"submission.authorEmail", sub.authorEmail()})) {
      if (field[1] == null || field[1].isBlank()) fail(field[0], "must not be empty (DAWNBench requires it)");
    }
    return problems;
  }

  /** Names and counts against the network the other model keys describe (class count does not matter here). */
  private void checkChannels(TrainConfig.ModelConfig m) {
    if (m.channels() == null || m.channels().isEmpty()) return;
    m.channels().forEach((conv, count) -> {
      if (count == null || count < 1) fail("model.channels", "entry '" + conv + "' must be a channel count >= 1, got " + count);
    });
    boolean countsOk = m.channels().values().stream().allMatch(n -> n != null && n >= 1);
    if (!countsOk || !ARCHITECTURES.contains(m.architecture()) || !VARIANTS.contains(m.variant()) || !(m.width() > 0)) {
      return;
    }
    try {
      ConvWidths.of(new ModelSpec(m.architecture(), 2, m.width(), "default".equals(m.variant()) ? null : m.variant(),
          null, m.channels()));
    } catch (IllegalArgumentException e) {
      fail("model.channels", "is invalid: " + e.getMessage().replaceFirst("^model channels: ", ""));
    }
  }

  void fail(String key, String rule) {
    problems.add(source + lines.suffixFor(key) + ": key '" + key + "' " + rule);
  }

  /** dynamic, none, or a finite positive float32 number (a fixed scale). */
  static boolean isLossScale(String value) {
    if (value == null) return false;
    String v = value.trim();
    if (v.equals("dynamic") || v.equals("none")) return true;
    try {
      double scale = Double.parseDouble(v);
      return scale > 0 && scale <= Float.MAX_VALUE;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  private void atLeast(String key, long value, long min) {
    if (value < min) fail(key, "must be >= " + min + ", got " + value);
  }

  private void oneOf(String key, String value, Set<String> allowed) {
    if (value == null || !allowed.contains(value)) {
      fail(key, "must be one of " + new java.util.TreeSet<>(allowed) + ", got '" + value + "'");
    }
  }
}

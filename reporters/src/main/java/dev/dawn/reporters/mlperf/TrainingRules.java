package dev.dawn.reporters.mlperf;

import static dev.dawn.reporters.mlperf.KeyRule.Occurrence.AT_LEAST_ONE;
import static dev.dawn.reporters.mlperf.KeyRule.Occurrence.EXACTLY_ONE;

import dev.dawn.reporters.events.Event;
import dev.dawn.reporters.events.MlLogKeys;
import dev.dawn.reporters.events.MlPerfSubmission;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Dawn's reading of MLPerf Training 3.0.0's logging rules, the last training ruleset with
 * ResNet-50, file by file as they sit in the MLCommons logging package under {@code
 * mlperf_logging/compliance_checker/training_3.0.0/}: {@code common.yaml}, the division's {@code
 * closed_common.yaml} or {@code open_common.yaml}, the benchmark's {@code closed_resnet.yaml} or
 * {@code open_resnet.yaml}, and the optimizer's {@code closed_resnet_lars.yaml} or {@code
 * closed_resnet_sgd.yaml}. Each KEY record is written down with its REQ, CHECK, POST and
 * ATLEAST_ONE_CHECK; the CHECK text is the YAML's, so a message quotes the rule it read. Rule files
 * of other benchmarks are not read.
 */
public final class TrainingRules {
  /** The ruleset version, as the checker's {@code --ruleset} takes it. */
  public static final String RULESET = "3.0.0";

  private static final String DIR = "training_" + RULESET + "/";

  /** The file the checker starts from unless told otherwise ({@code --config}). */
  public static final String COMMON = DIR + "common.yaml";

  public static final String CLOSED_RESNET_LARS = DIR + "closed_resnet_lars.yaml";
  public static final String CLOSED_RESNET_SGD = DIR + "closed_resnet_sgd.yaml";

  /** The benchmarks closed_common.yaml and open_common.yaml accept. */
  private static final List<String> BENCHMARKS =
      List.of("resnet", "ssd", "maskrcnn", "gpt3", "dlrm_dcnv2", "bert", "rnnt", "unet3d");

  private static final Map<String, RuleFile> FILES =
      Stream.of(
              common(),
              divisionCommon("closed"),
              divisionCommon("open"),
              closedResnet(),
              openResnet(),
              closedResnetLars(),
              closedResnetSgd())
          .collect(Collectors.toUnmodifiableMap(RuleFile::name, Function.identity()));

  private TrainingRules() {}

  /** The rule file of that name, if dawn reads it. */
  static Optional<RuleFile> file(String name) {
    return Optional.ofNullable(FILES.get(name));
  }

  private static RuleFile common() {
    LineCheck notEmpty = check("v['value'] != ''", e -> !"".equals(e.value()));
    return RuleFile.of(
        COMMON,
        List.of(
            KeyRule.of(MlLogKeys.SUBMISSION_ORG, EXACTLY_ONE, notEmpty),
            KeyRule.of(MlLogKeys.SUBMISSION_PLATFORM, EXACTLY_ONE, notEmpty),
            KeyRule.of(
                    MlLogKeys.SUBMISSION_DIVISION,
                    EXACTLY_ONE,
                    oneOf("['closed', 'open']", MlPerfSubmission.DIVISIONS))
                .withPost((s, e) -> s.compileTimeMins = "open".equals(e.value()) ? 240 : 30)
                .followedBy(e -> DIR + e.value() + "_common.yaml"),
            KeyRule.of(
                MlLogKeys.SUBMISSION_STATUS,
                EXACTLY_ONE,
                oneOf("['cloud', 'onprem', 'preview', 'research']", MlPerfSubmission.STATUSES)),
            // Its CHECK, "'value' in v", holds for every line that parses.
            KeyRule.of(MlLogKeys.CACHE_CLEAR, AT_LEAST_ONE),
            KeyRule.of(
                    MlLogKeys.INIT_START,
                    AT_LEAST_ONE,
                    state("not s['init_stopped']", s -> !s.initStopped),
                    state("not s['run_started']", s -> !s.runStarted))
                .withPost(
                    (s, e) -> {
                      s.initStarted = true;
                      s.firstInitStartMs = Math.min(s.firstInitStartMs, e.timeMs());
                    }),
            KeyRule.of(
                    MlLogKeys.INIT_STOP,
                    EXACTLY_ONE,
                    state("s['init_started']", s -> s.initStarted),
                    state("not s['run_started']", s -> !s.runStarted),
                    new LineCheck(
                        "ll.timestamp - s['first_init_start'] < (s['compile_time_mins']*60*1e3)",
                        (s, e) -> e.timeMs() - s.firstInitStartMs < s.compileTimeMins * 60 * 1e3))
                .withPost((s, e) -> s.initStopped = true),
            KeyRule.of(
                    MlLogKeys.RUN_START,
                    EXACTLY_ONE,
                    state("( s['init_stopped'] == True )", s -> s.initStopped))
                .withPost((s, e) -> s.runStarted = true),
            KeyRule.of(
                    MlLogKeys.RUN_STOP,
                    EXACTLY_ONE,
                    state("s['run_started']", s -> s.runStarted),
                    metadata("status"))
                .withPost((s, e) -> s.runStopped = true),
            KeyRule.orElse(
                "block_start",
                MlLogKeys.EPOCH_START,
                state("s['run_started']", s -> s.runStarted),
                metadata("epoch_count"),
                metadata("first_epoch_num"),
                check(
                    "v['metadata']['epoch_count'] > 0",
                    e -> e.meta("epoch_count") instanceof Number n && n.doubleValue() > 0)),
            KeyRule.orElse("block_stop", MlLogKeys.EPOCH_STOP, metadata("first_epoch_num")),
            KeyRule.orElse(MlLogKeys.EPOCH_START, "block_start", metadata("epoch_num")),
            KeyRule.orElse(MlLogKeys.EPOCH_STOP, "block_stop", metadata("epoch_num")),
            KeyRule.orElse(MlLogKeys.EVAL_START, "block_start", metadata("epoch_num")),
            KeyRule.orElse(MlLogKeys.EVAL_STOP, "block_stop", metadata("epoch_num")),
            KeyRule.of(MlLogKeys.EVAL_ACCURACY, AT_LEAST_ONE, metadata("epoch_num")),
            KeyRule.of(MlLogKeys.TRAIN_SAMPLES, EXACTLY_ONE, notEmpty),
            KeyRule.of(MlLogKeys.EVAL_SAMPLES, EXACTLY_ONE, notEmpty)));
  }

  /** closed_common.yaml and open_common.yaml: the benchmark, and for closed the accumulation. */
  private static RuleFile divisionCommon(String division) {
    KeyRule benchmark =
        KeyRule.of(
                MlLogKeys.SUBMISSION_BENCHMARK,
                EXACTLY_ONE,
                oneOf(
                    "['resnet', 'ssd', 'maskrcnn', 'gpt3', 'dlrm_dcnv2', 'bert', 'rnnt', 'unet3d']",
                    BENCHMARKS))
            .followedBy(e -> DIR + division + "_" + e.value() + ".yaml");
    return RuleFile.of(
        DIR + division + "_common.yaml",
        division.equals("closed")
            ? List.of(
                benchmark,
                KeyRule.of(MlLogKeys.GRADIENT_ACCUMULATION_STEPS, EXACTLY_ONE, positive()))
            : List.of(benchmark));
  }

  private static RuleFile closedResnet() {
    return RuleFile.of(
        DIR + "closed_resnet.yaml",
        List.of(
            KeyRule.of(MlLogKeys.GLOBAL_BATCH_SIZE, EXACTLY_ONE, positive()),
            KeyRule.of(MlLogKeys.OPT_NAME, EXACTLY_ONE, oneOf("['sgd', 'lars']", optimizers()))
                .followedBy(e -> DIR + "closed_resnet_" + e.value() + ".yaml"),
            KeyRule.of(MlLogKeys.EVAL_ACCURACY, AT_LEAST_ONE, metadata("epoch_num"))
                .withAtLeastOne(
                    value(
                        "v['value'] >= 0.7590 and v['value'] < 1.0",
                        v -> v >= 0.7590 && v < 1.0))));
  }

  private static RuleFile openResnet() {
    return RuleFile.of(
        DIR + "open_resnet.yaml",
        List.of(
            KeyRule.of(MlLogKeys.EVAL_ACCURACY, AT_LEAST_ONE, metadata("epoch_num"))
                .withAtLeastOne(value("v['value'] < 1.0", v -> v < 1.0))));
  }

  private static RuleFile closedResnetLars() {
    return RuleFile.of(
        CLOSED_RESNET_LARS,
        List.of(
            KeyRule.of(MlLogKeys.LARS_OPT_BASE_LEARNING_RATE, EXACTLY_ONE),
            KeyRule.of(
                MlLogKeys.LARS_OPT_END_LEARNING_RATE,
                EXACTLY_ONE,
                value("v['value'] == 0.0001", v -> v == 0.0001)),
            KeyRule.of(
                MlLogKeys.LARS_OPT_LEARNING_RATE_DECAY_POLY_POWER,
                EXACTLY_ONE,
                value("v['value'] == 2", v -> v == 2)),
            KeyRule.of(MlLogKeys.LARS_OPT_LEARNING_RATE_DECAY_STEPS, EXACTLY_ONE),
            KeyRule.of(
                MlLogKeys.LARS_EPSILON, EXACTLY_ONE, value("v['value'] == 0.0", v -> v == 0)),
            KeyRule.of(MlLogKeys.LARS_OPT_LEARNING_RATE_WARMUP_EPOCHS, EXACTLY_ONE),
            KeyRule.of(MlLogKeys.LARS_OPT_MOMENTUM, EXACTLY_ONE),
            KeyRule.of(MlLogKeys.LARS_OPT_WEIGHT_DECAY, EXACTLY_ONE, weightDecayRule())));
  }

  private static RuleFile closedResnetSgd() {
    return RuleFile.of(
        CLOSED_RESNET_SGD,
        List.of(
            KeyRule.of(
                MlLogKeys.SGD_OPT_BASE_LEARNING_RATE,
                EXACTLY_ONE,
                value("is_integer(v['value'] / 0.001)", v -> isInteger(v / 0.001))),
            KeyRule.of(
                MlLogKeys.SGD_OPT_END_LEARNING_RATE,
                EXACTLY_ONE,
                value("v['value'] == 0.0001", v -> v == 0.0001)),
            KeyRule.of(MlLogKeys.SGD_OPT_LEARNING_RATE_DECAY_POLY_POWER, EXACTLY_ONE),
            KeyRule.of(MlLogKeys.SGD_OPT_LEARNING_RATE_DECAY_STEPS, EXACTLY_ONE),
            KeyRule.of(MlLogKeys.SGD_OPT_WEIGHT_DECAY, EXACTLY_ONE, weightDecayRule()),
            KeyRule.of(MlLogKeys.SGD_OPT_MOMENTUM, EXACTLY_ONE),
            KeyRule.of(MlLogKeys.MODEL_BN_SPAN, EXACTLY_ONE),
            KeyRule.of(MlLogKeys.OPT_LEARNING_RATE_WARMUP_EPOCHS, EXACTLY_ONE)));
  }

  /** The weight decay is 0.0001 times a power of two. */
  private static LineCheck weightDecayRule() {
    return value(
        "is_integer(math.log2(v['value'] / 0.0001))",
        v -> v > 0 && isInteger(Math.log(v / 0.0001) / Math.log(2)));
  }

  private static List<String> optimizers() {
    return List.of(
        dev.dawn.reporters.events.MlPerfOptimizerKeys.SGD.optName(),
        dev.dawn.reporters.events.MlPerfOptimizerKeys.LARS.optName());
  }

  /** The checker's {@code is_integer}: within 1e-5 of a whole number. */
  private static boolean isInteger(double v) {
    return Math.abs(Math.round(v) - v) < 0.00001;
  }

  private static LineCheck check(String yaml, Predicate<Event> test) {
    return new LineCheck(yaml, (s, e) -> test.test(e));
  }

  private static LineCheck state(String yaml, Predicate<RuleState> test) {
    return new LineCheck(yaml, (s, e) -> test.test(s));
  }

  private static LineCheck metadata(String name) {
    return check("'" + name + "' in v['metadata']", e -> e.metadata().containsKey(name));
  }

  private static LineCheck oneOf(String yamlList, List<String> allowed) {
    return check("v['value'] in " + yamlList, e -> allowed.contains(e.value()));
  }

  /** A numeric test of the value; a value that is not a number fails it. */
  private static LineCheck value(String yaml, Predicate<Double> test) {
    return check(yaml, e -> e.value() instanceof Number n && test.test(n.doubleValue()));
  }

  private static LineCheck positive() {
    return value("v['value'] > 0", v -> v > 0);
  }
}

package dev.dawn.reporters.mlperf;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dawn.reporters.events.CheckpointSaved;
import dev.dawn.reporters.events.ContinuousLog;
import dev.dawn.reporters.events.Event;
import dev.dawn.reporters.events.EventType;
import dev.dawn.reporters.events.MlLogKeys;
import dev.dawn.reporters.events.RunResume;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * Dawn's reading of the 3.0.0 rule files, on hand-made logs: a log that keeps every rule passes,
 * and each broken rule is named with its file and the YAML it broke.
 */
class ComplianceCheckTest {
  private static final String DIR = "training_3.0.0/";

  /** A closed-division ResNet-50 LARS run that reaches 76% top-1, one line per event. */
  static List<Event> closedLarsRun() {
    List<Event> log = new ArrayList<>();
    log.add(start(0, MlLogKeys.INIT_START, Map.of()));
    log.add(point(1, MlLogKeys.CACHE_CLEAR, false));
    log.add(point(2, MlLogKeys.SUBMISSION_BENCHMARK, "resnet"));
    log.add(point(2, MlLogKeys.SUBMISSION_ORG, "dawn"));
    log.add(point(2, MlLogKeys.SUBMISSION_DIVISION, "closed"));
    log.add(point(2, MlLogKeys.SUBMISSION_STATUS, "research"));
    log.add(point(2, MlLogKeys.SUBMISSION_PLATFORM, "2-core CPU"));
    log.add(point(3, MlLogKeys.TRAIN_SAMPLES, 300));
    log.add(point(3, MlLogKeys.EVAL_SAMPLES, 60));
    log.add(point(3, MlLogKeys.GLOBAL_BATCH_SIZE, 20));
    log.add(point(3, MlLogKeys.GRADIENT_ACCUMULATION_STEPS, 1));
    log.add(point(3, MlLogKeys.OPT_NAME, "lars"));
    log.add(point(3, MlLogKeys.LARS_OPT_BASE_LEARNING_RATE, 2.0));
    log.add(point(3, MlLogKeys.LARS_OPT_END_LEARNING_RATE, 0.0001));
    log.add(point(3, MlLogKeys.LARS_OPT_LEARNING_RATE_DECAY_POLY_POWER, 2.0));
    log.add(point(3, MlLogKeys.LARS_OPT_LEARNING_RATE_DECAY_STEPS, 15));
    log.add(point(3, MlLogKeys.LARS_EPSILON, 0.0));
    log.add(point(3, MlLogKeys.LARS_OPT_LEARNING_RATE_WARMUP_EPOCHS, 1.0));
    log.add(point(3, MlLogKeys.LARS_OPT_MOMENTUM, 0.9));
    log.add(point(3, MlLogKeys.LARS_OPT_WEIGHT_DECAY, 0.0002));
    log.add(end(1000, MlLogKeys.INIT_STOP, Map.of()));
    log.add(start(1001, MlLogKeys.RUN_START, Map.of("run_id", "r")));
    log.add(start(1002, MlLogKeys.EPOCH_START, Map.of("epoch_num", 1)));
    log.add(end(2000, MlLogKeys.EPOCH_STOP, Map.of("epoch_num", 1)));
    log.add(start(2001, MlLogKeys.EVAL_START, Map.of("epoch_num", 1)));
    log.add(end(2100, MlLogKeys.EVAL_STOP, Map.of("epoch_num", 1)));
    log.add(point(2101, MlLogKeys.EVAL_ACCURACY, 0.76, Map.of("epoch_num", 1)));
    log.add(end(2102, MlLogKeys.RUN_STOP, Map.of("status", "success")));
    return log;
  }

  @Test
  void aLogThatKeepsEveryRuleFollowsTheChainToTheOptimizersFile() {
    ComplianceReport report = ComplianceCheck.run(closedLarsRun());
    assertThat(report.problems()).isEmpty();
    assertThat(report.warnings()).isEmpty();
    assertThat(report.files())
        .containsExactly(
            DIR + "common.yaml",
            DIR + "closed_common.yaml",
            DIR + "closed_resnet.yaml",
            DIR + "closed_resnet_lars.yaml");
    assertThat(report.passed()).isTrue();
  }

  @Test
  void anOpenRunIsCheckedAgainstTheOpenFiles() {
    List<Event> log = replace(closedLarsRun(), MlLogKeys.SUBMISSION_DIVISION, "open");
    // Open division: any accuracy below 1.0 will do, the closed target is not asked for.
    log = replace(log, MlLogKeys.EVAL_ACCURACY, 0.2);
    ComplianceReport report = ComplianceCheck.run(log);
    assertThat(report.problems()).isEmpty();
    assertThat(report.files())
        .containsExactly(DIR + "common.yaml", DIR + "open_common.yaml", DIR + "open_resnet.yaml");
  }

  @Test
  void runStartBeforeInitStopBreaksBothOrderRules() {
    List<Event> log = closedLarsRun();
    Event runStart = log.remove(21);
    assertThat(runStart.key()).isEqualTo(MlLogKeys.RUN_START);
    log.add(1, runStart); // right after init_start, as dawn's logs were before
    ComplianceReport report = ComplianceCheck.run(log);
    assertThat(report.problems())
        .anySatisfy(
            p ->
                assertThat(p)
                    .startsWith(DIR + "common.yaml: line 2: run_start")
                    .contains("( s['init_stopped'] == True )"))
        .anySatisfy(p -> assertThat(p).contains("init_stop").contains("not s['run_started']"));
  }

  @Test
  void aMissingKeyIsCountedAndAnUnknownValueNamed() {
    List<Event> log = closedLarsRun();
    log.removeIf(e -> e.key().equals(MlLogKeys.SUBMISSION_ORG));
    log = replace(log, MlLogKeys.SUBMISSION_STATUS, "available");
    ComplianceReport report = ComplianceCheck.run(log);
    assertThat(report.problems())
        .contains(DIR + "common.yaml: submission_org: required exactly once, found 0")
        .anySatisfy(
            p ->
                assertThat(p)
                    .contains("submission_status")
                    .contains("['cloud', 'onprem', 'preview', 'research']")
                    .contains("available"));
  }

  @Test
  void theDivisionSetsTheInitialisationBudget() {
    // 31 minutes of initialisation: over the closed division's 30, within the open division's 240.
    UnaryOperator<List<Event>> slowInit =
        log -> {
          List<Event> out = new ArrayList<>();
          for (Event e : log) {
            long t = e.timeMs() >= 1000 ? e.timeMs() + 31 * 60_000L : e.timeMs();
            out.add(new Event(t, e.eventType(), e.key(), e.value(), e.metadata()));
          }
          return out;
        };
    assertThat(ComplianceCheck.run(slowInit.apply(closedLarsRun())).problems())
        .singleElement()
        .asString()
        .contains("init_stop")
        .contains("s['compile_time_mins']*60*1e3");
    List<Event> open = replace(closedLarsRun(), MlLogKeys.SUBMISSION_DIVISION, "open");
    assertThat(ComplianceCheck.run(slowInit.apply(open)).problems()).isEmpty();
    // A division written after init_stop leaves the budget at 0 minutes.
    List<Event> late = closedLarsRun();
    Event division =
        late.remove(
            late.indexOf(
                late.stream()
                    .filter(e -> e.key().equals(MlLogKeys.SUBMISSION_DIVISION))
                    .findFirst()
                    .orElseThrow()));
    late.add(late.size() - 1, division);
    assertThat(ComplianceCheck.run(late).problems())
        .anySatisfy(p -> assertThat(p).contains("init_stop").contains("compile_time_mins"));
  }

  @Test
  void aRepeatedKeyWarnsWithOneValueAndFailsWithTwo() {
    List<Event> log = closedLarsRun();
    log.add(10, point(3, MlLogKeys.GLOBAL_BATCH_SIZE, 20));
    ComplianceReport once = ComplianceCheck.run(log);
    assertThat(once.problems()).isEmpty();
    assertThat(once.warnings()).singleElement().asString().contains("global_batch_size");
    log.set(10, point(3, MlLogKeys.GLOBAL_BATCH_SIZE, 40));
    assertThat(ComplianceCheck.run(log).problems())
        .singleElement()
        .asString()
        .contains("global_batch_size: required exactly once, found 2 with different values");
  }

  @Test
  void closedResnetRulesCheckTheQualityTargetAndTheLarsValues() {
    List<Event> log = replace(closedLarsRun(), MlLogKeys.EVAL_ACCURACY, 0.75);
    log = replace(log, MlLogKeys.LARS_OPT_END_LEARNING_RATE, 0.2);
    log = replace(log, MlLogKeys.LARS_OPT_WEIGHT_DECAY, 0.0003);
    log = replace(log, MlLogKeys.LARS_EPSILON, 1e-9);
    assertThat(ComplianceCheck.run(log).problems())
        .hasSize(4)
        .anySatisfy(p -> assertThat(p).contains("v['value'] >= 0.7590 and v['value'] < 1.0"))
        .anySatisfy(p -> assertThat(p).contains("lars_opt_end_learning_rate").contains("0.2)"))
        .anySatisfy(p -> assertThat(p).contains("is_integer(math.log2(v['value'] / 0.0001))"))
        .anySatisfy(p -> assertThat(p).contains("lars_epsilon"));
  }

  @Test
  void theLarsFileAloneChecksOnlyItsOwnKeys() {
    List<Event> log = closedLarsRun();
    log.removeIf(e -> e.key().equals(MlLogKeys.RUN_START));
    ComplianceReport report = ComplianceCheck.run(log, TrainingRules.CLOSED_RESNET_LARS);
    assertThat(report.files()).containsExactly(TrainingRules.CLOSED_RESNET_LARS);
    assertThat(report.problems()).isEmpty();
    log.removeIf(e -> e.key().equals(MlLogKeys.LARS_OPT_MOMENTUM));
    assertThat(ComplianceCheck.run(log, TrainingRules.CLOSED_RESNET_LARS).problems())
        .containsExactly(
            TrainingRules.CLOSED_RESNET_LARS
                + ": lars_opt_momentum: required exactly once, found 0");
  }

  @Test
  void anSgdRunIsSentToTheSgdFile() {
    List<Event> log = new ArrayList<>(closedLarsRun());
    log.removeIf(e -> e.key().startsWith("lars_"));
    log = replace(log, MlLogKeys.OPT_NAME, "sgd");
    ComplianceReport report = ComplianceCheck.run(log);
    assertThat(report.files()).last().isEqualTo(TrainingRules.CLOSED_RESNET_SGD);
    assertThat(report.problems())
        .hasSize(8)
        .allSatisfy(p -> assertThat(p).contains("closed_resnet_sgd.yaml").contains("found 0"));
  }

  @Test
  void epochsOrBlocksAreRequired() {
    List<Event> log = closedLarsRun();
    log.removeIf(e -> e.key().startsWith("epoch_"));
    assertThat(ComplianceCheck.run(log).problems())
        .anySatisfy(
            p -> assertThat(p).contains("required at least one of").contains("epoch_start"));
  }

  @Test
  void aBenchmarkWithoutDawnsReadingIsNamed() {
    List<Event> log = replace(closedLarsRun(), MlLogKeys.SUBMISSION_BENCHMARK, "bert");
    assertThat(ComplianceCheck.run(log).problems())
        .contains(
            DIR + "closed_bert.yaml: a rule file dawn does not read (only ResNet-50's are read)");
  }

  /**
   * A run stopped by SIGTERM in epoch 2 after a checkpoint at the end of epoch 1, and resumed: its
   * log holds two run_stop lines (the checker warns), but read as the run (the lines the resume
   * supersedes left out) it keeps every rule, with MLPerf's clock from the first run_start to the
   * last run_stop.
   */
  @Test
  void aResumedRunReadAsOneContinuousRunKeepsEveryRule() {
    List<Event> lines = new ArrayList<>(closedLarsRun().subList(0, 24)); // through epoch 1's stop
    lines.add(
        new CheckpointSaved("checkpoints/ckpt-15", 15, 1, 1.0, 900, 40L, CheckpointSaved.EPOCH)
            .toEvent(2000));
    int kept = lines.size();
    lines.add(start(2001, MlLogKeys.EPOCH_START, Map.of("epoch_num", 2)));
    lines.add(end(2500, MlLogKeys.RUN_STOP, Map.of("status", "aborted", "dawn_status", "killed")));
    lines.add(
        new RunResume("checkpoints/ckpt-15", kept, 15, 2, 1.0, 900, List.of(2), 2).toEvent(9000));
    lines.add(start(9001, MlLogKeys.EPOCH_START, Map.of("epoch_num", 2)));
    lines.add(end(9900, MlLogKeys.EPOCH_STOP, Map.of("epoch_num", 2)));
    lines.add(start(9901, MlLogKeys.EVAL_START, Map.of("epoch_num", 2)));
    lines.add(end(9950, MlLogKeys.EVAL_STOP, Map.of("epoch_num", 2)));
    lines.add(point(9951, MlLogKeys.EVAL_ACCURACY, 0.76, Map.of("epoch_num", 2)));
    lines.add(end(9952, MlLogKeys.RUN_STOP, Map.of("status", "success")));

    assertThat(ComplianceCheck.run(lines).warnings())
        .as("the lines as written")
        .anyMatch(w -> w.contains("run_stop: required once, found 2"));
    ComplianceReport report = ComplianceCheck.run(ContinuousLog.of(lines));
    assertThat(report.problems()).isEmpty();
    assertThat(report.warnings()).isEmpty();
    assertThat(report.passed()).isTrue();
  }

  private static List<Event> replace(List<Event> log, String key, Object value) {
    List<Event> out = new ArrayList<>();
    for (Event e : log) {
      out.add(
          e.key().equals(key)
              ? new Event(e.timeMs(), e.eventType(), e.key(), value, e.metadata())
              : e);
    }
    return out;
  }

  private static Event point(long t, String key, Object value) {
    return point(t, key, value, Map.of());
  }

  private static Event point(long t, String key, Object value, Map<String, Object> metadata) {
    return new Event(t, EventType.POINT_IN_TIME, key, value, metadata);
  }

  private static Event start(long t, String key, Map<String, Object> metadata) {
    return new Event(t, EventType.INTERVAL_START, key, null, metadata);
  }

  private static Event end(long t, String key, Map<String, Object> metadata) {
    return new Event(t, EventType.INTERVAL_END, key, null, metadata);
  }
}

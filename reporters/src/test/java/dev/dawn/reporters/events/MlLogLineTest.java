package dev.dawn.reporters.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** An event as MLPerf's parsers read it, and the run_stop statuses MLPerf's tools compare. */
class MlLogLineTest {
  private static final ObjectMapper STRICT = new ObjectMapper();

  @Test
  void aLineIsThePrefixAndTheEventWithAnEmptyNamespaceFirst() throws Exception {
    Event e = new EvalAccuracy(3, 0.61, 0.9, 50L, 0L, 2.5, 1234L).toEvent(1_700_000_000_123L);
    String line = MlLogLine.of(e);
    assertThat(line).startsWith(":::MLLOG {\"namespace\":\"\",\"time_ms\":1700000000123,");
    JsonNode json = STRICT.readTree(line.substring(MlLogLine.PREFIX.length()));
    assertThat(json.fieldNames())
        .toIterable()
        .containsExactly("namespace", "time_ms", "event_type", "key", "value", "metadata");
    assertThat(json.get("key").asText()).isEqualTo("eval_accuracy");
    // MLPerf's ResNet-50 metric is top-1: the value; both stay in the metadata.
    assertThat(json.get("value").asDouble()).isEqualTo(0.61);
    assertThat(json.at("/metadata/top5_accuracy").asDouble()).isEqualTo(0.9);
    assertThat(json.at("/metadata/epoch_num").asInt()).isEqualTo(3);
  }

  @Test
  void nonAsciiIsEscapedAndANanIsStrictJson() throws Exception {
    Event e =
        new Event(
            5, EventType.POINT_IN_TIME, "submission_org", "Équipe", Map.of("loss", Double.NaN));
    String line = MlLogLine.of(e);
    assertThat(line.chars()).allMatch(c -> c < 128);
    JsonNode json = STRICT.readTree(line.substring(MlLogLine.PREFIX.length()));
    assertThat(json.get("value").asText()).isEqualTo("Équipe");
    assertThat(json.at("/metadata/loss").isNull()).isTrue();
    assertThat(json.at("/metadata/non_finite/~1metadata~1loss").asText()).isEqualTo("NaN");
  }

  @Test
  void runStopCarriesMlperfsStatusAndDawnsWord() {
    assertThat(RunStop.of(RunStatus.SUCCESS, null).mlperfStatus())
        .isEqualTo(RunStop.MLPERF_SUCCESS);
    for (RunStatus ended :
        List.of(
            RunStatus.TARGET_NOT_REACHED, RunStatus.DIVERGED, RunStatus.FAILED, RunStatus.KILLED)) {
      RunStop stop = RunStop.KIND.decode(RunStop.of(ended, "why").toEvent(1));
      assertThat(stop.mlperfStatus()).isEqualTo(RunStop.MLPERF_ABORTED);
      assertThat(stop.status()).isEqualTo(ended.word());
    }
    // A log written before MLPerf's words holds dawn's word in status.
    Event older =
        new Event(
            1, EventType.INTERVAL_END, MlLogKeys.RUN_STOP, null, Map.of("status", "diverged"));
    assertThat(RunStop.KIND.decode(older).status()).isEqualTo("diverged");
  }

  @Test
  void initIntervalsHaveEmptyMetadataAndReadBack() {
    Event start = new InitStart().toEvent(1);
    assertThat(start.eventType()).isEqualTo(EventType.INTERVAL_START);
    assertThat(start.metadata()).isEmpty();
    assertThat(InitStop.KIND.decode(new InitStop().toEvent(2))).isEqualTo(new InitStop());
  }
}

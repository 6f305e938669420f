package dev.dawn.harness.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dawn.harness.config.ConfigException;
import java.util.List;
import org.junit.jupiter.api.Test;

class TfConfigTest {
  @Test
  void readsTheWorkerListAndThisTask() {
    var tf =
        TfConfig.from(
                "{\"cluster\": {\"worker\": [\"10.0.0.1:2222\", \"10.0.0.2:2222\"]},"
                    + " \"task\": {\"type\": \"worker\", \"index\": 1}}")
            .orElseThrow();
    assertThat(tf.workers()).containsExactly("10.0.0.1:2222", "10.0.0.2:2222");
    assertThat(tf.taskIndex()).isEqualTo(1);
  }

  @Test
  void unsetOrBlankMeansNoCluster() {
    assertThat(TfConfig.from(null)).isEmpty();
    assertThat(TfConfig.from("  ")).isEmpty();
  }

  @Test
  void aChiefJobIsTaskZeroInFrontOfTheWorkers() {
    String cluster = "{\"cluster\": {\"chief\": [\"c:1\"], \"worker\": [\"w:1\", \"w:2\"]}, ";
    var chief = TfConfig.from(cluster + "\"task\": {\"type\": \"chief\", \"index\": 0}}").get();
    var worker = TfConfig.from(cluster + "\"task\": {\"type\": \"worker\", \"index\": 1}}").get();
    assertThat(chief.workers()).containsExactly("c:1", "w:1", "w:2");
    assertThat(chief.taskIndex()).isZero();
    assertThat(worker.taskIndex()).isEqualTo(2);
  }

  @Test
  void writesWhatItReads() {
    var tf = new TfConfig(List.of("127.0.0.1:5000", "127.0.0.1:5001"), 1);
    assertThat(TfConfig.from(tf.toJson())).contains(tf);
  }

  @Test
  void badJsonIsOneLineNamingTfConfig() {
    assertThatThrownBy(() -> TfConfig.from("{\"cluster\": {\"worker\": [\"a:1\"]"))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("TF_CONFIG is not valid JSON")
        .hasMessageContaining("expected {\"cluster\"")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
  }

  @Test
  void missingTaskOrIndexIsRefused() {
    String cluster = "{\"cluster\": {\"worker\": [\"a:1\", \"b:1\"]}";
    assertThatThrownBy(() -> TfConfig.from(cluster + "}"))
        .hasMessageStartingWith("TF_CONFIG needs a \"task\" object");
    assertThatThrownBy(() -> TfConfig.from(cluster + ", \"task\": {\"type\": \"worker\"}}"))
        .hasMessageStartingWith("TF_CONFIG \"task\".\"index\" must be a whole number")
        .hasMessageContaining("got nothing");
    assertThatThrownBy(
            () -> TfConfig.from(cluster + ", \"task\": {\"type\": \"worker\", \"index\": \"1\"}}"))
        .hasMessageContaining("must be a whole number");
  }

  @Test
  void indexOutOfRangeIsRefused() {
    assertThatThrownBy(
            () ->
                TfConfig.from(
                    "{\"cluster\": {\"worker\": [\"a:1\", \"b:1\"]}, \"task\": {\"type\":"
                        + " \"worker\", \"index\": 2}}"))
        .hasMessage("TF_CONFIG \"task\".\"index\" 2 is not in the \"worker\" list (0 to 1)");
  }

  @Test
  void otherJobsAndTypesAreRefused() {
    assertThatThrownBy(
            () ->
                TfConfig.from(
                    "{\"cluster\": {\"worker\": [\"a:1\"], \"ps\": [\"p:1\"]}, \"task\":"
                        + " {\"type\": \"worker\", \"index\": 0}}"))
        .hasMessageContaining("has a \"ps\" job");
    assertThatThrownBy(
            () ->
                TfConfig.from(
                    "{\"cluster\": {\"worker\": [\"a:1\"]}, \"task\": {\"type\": \"evaluator\","
                        + " \"index\": 0}}"))
        .hasMessage("TF_CONFIG \"task\".\"type\" must be \"worker\", got \"evaluator\"");
  }

  @Test
  void workersMustBeStrings() {
    assertThatThrownBy(
            () ->
                TfConfig.from(
                    "{\"cluster\": {\"worker\": [2222]}, \"task\": {\"type\": \"worker\","
                        + " \"index\": 0}}"))
        .hasMessageContaining("must be a list of \"host:port\" strings");
  }
}

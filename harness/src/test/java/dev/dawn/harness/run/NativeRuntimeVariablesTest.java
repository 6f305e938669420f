package dev.dawn.harness.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class NativeRuntimeVariablesTest {

  @Test
  void keepsWhatSteersTensorflowAndOnednnSortedAndLeavesLoggingAndOtherToolsOut() {
    Map<String, String> env =
        Map.of(
            "TF_ONEDNN_THREADPOOL_USE_CALLER_THREAD", "true",
            "ONEDNN_MAX_CPU_ISA", "AVX2",
            "TF_ENABLE_ONEDNN_OPTS", "1",
            "OMP_NUM_THREADS", "2",
            "TF_CPP_MIN_LOG_LEVEL", "2",
            "TF_CLI_CONFIG_FILE", "/root/.terraformrc",
            "PATH", "/usr/bin",
            "JAVA_HOME", "/opt/jdk");

    assertThat(NativeRuntimeVariables.of(env))
        .containsExactly(
            "OMP_NUM_THREADS=2",
            "ONEDNN_MAX_CPU_ISA=AVX2",
            "TF_ENABLE_ONEDNN_OPTS=1",
            "TF_ONEDNN_THREADPOOL_USE_CALLER_THREAD=true");
    assertThat(NativeRuntimeVariables.of(Map.of("HOME", "/root"))).isEmpty();
  }

  @Test
  void isPartOfEveryRunsEnvironment() {
    assertThat(MachineEnvironment.describe("2.18.0", 2, 1, Map.of()))
        .containsEntry("nativeRuntimeVariables", NativeRuntimeVariables.read());
  }
}

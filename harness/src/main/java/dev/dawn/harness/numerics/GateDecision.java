package dev.dawn.harness.numerics;

import dev.dawn.workloads.inference.quant.Int8Weights;
import java.util.Map;

/**
 * What a run does with a precision before it computes anything.
 *
 * @param line one line for the console and environment.json (empty when nothing needs saying)
 * @param rerunEnvironment for {@link Kind#RERUN}: the environment the command reruns under
 * @param record what environment.json keeps of the decision
 * @param int8Weights the weights INT8 variants quantize with (null when no int8 runs)
 */
public record GateDecision(
    Kind kind,
    String line,
    Map<String, String> rerunEnvironment,
    Map<String, Object> record,
    Int8Weights int8Weights) {
  public enum Kind {
    /** Compute as asked. */
    GO,
    /** Start the same command again in a child process under another setting. */
    RERUN
  }
}

package dev.dawn.harness.cli;

import dev.dawn.harness.numerics.GateDecision;
import dev.dawn.harness.numerics.NumericsGate;
import dev.dawn.harness.run.Rerun;
import dev.dawn.workloads.precision.Precision;
import java.nio.file.Path;
import java.util.OptionalInt;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The numerics gate of a command that trains in one precision ({@code train}, {@code throughput}):
 * either the decision to go on, or the exit status of the same command rerun in a child JVM under
 * the setting where that precision computes right.
 */
final class TrainingPrecisionGate {
  private final GateDecision decision;
  private final OptionalInt rerunStatus;

  private TrainingPrecisionGate(GateDecision decision, OptionalInt rerunStatus) {
    this.decision = decision;
    this.rerunStatus = rerunStatus;
  }

  static TrainingPrecisionGate check(CommandSpec spec, Path results, Precision precision) {
    GateDecision d = NumericsGate.forProcess(results, System.out::println).training(precision);
    if (d.kind() != GateDecision.Kind.RERUN) {
      return new TrainingPrecisionGate(d, OptionalInt.empty());
    }
    System.out.println(d.line());
    return new TrainingPrecisionGate(
        d,
        OptionalInt.of(
            Rerun.inChild(
                DawnCli.class.getName(),
                spec.root().commandLine().getParseResult().originalArgs(),
                d.rerunEnvironment())));
  }

  /** The child's exit status when the command ran again, else empty: go on in this process. */
  OptionalInt rerunStatus() {
    return rerunStatus;
  }

  GateDecision decision() {
    return decision;
  }
}

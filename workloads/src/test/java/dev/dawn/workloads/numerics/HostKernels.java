package dev.dawn.workloads.numerics;

import dev.dawn.workloads.precision.Precision;
import java.util.EnumMap;
import java.util.Map;

/**
 * Whether this host's kernels compute a precision wrong, by the op checks of the suite: the fact a
 * test needs before it may blame a failure on the host instead of on dawn's graph.
 */
public final class HostKernels {
  private static final Map<Precision, Boolean> WRONG = new EnumMap<>(Precision.class);

  private HostKernels() {}

  public static synchronized boolean wrong(Precision p) {
    return WRONG.computeIfAbsent(
        p,
        precision ->
            CheckSuite.standard(false).stream()
                .filter(c -> c.precision().equals(precision.configName()))
                .filter(c -> !c.id().contains("/net-") && !c.id().contains("/train-"))
                .anyMatch(c -> !c.run().get().correct()));
  }
}

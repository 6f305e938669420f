package dev.dawn.harness.run;

import dev.dawn.reporters.events.ProfiledOps;
import dev.dawn.workloads.profile.TracedOps;

/** A traced step's node times (workloads) as the run's {@code op_profile} event (reporters). */
public final class TracedOpsEvent {
  private TracedOpsEvent() {}

  public static ProfiledOps of(TracedOps t) {
    return new ProfiledOps(
        t.label(),
        t.steps(),
        t.meanStepMicros(),
        t.nodes().stream()
            .map(
                n -> new ProfiledOps.Op(n.name(), n.type(), n.device(), n.calls(), n.totalMicros()))
            .toList());
  }
}

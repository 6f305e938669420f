package dev.dawn.harness.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * How the machine's idle CPUs wait, which decides how fast a sleeping thread gets a core back. A
 * batch-1 pass hands work between threads at every op, and in a virtual machine a vCPU that halted
 * while it waited goes back to the hypervisor to be woken. Linux's haltpoll idle driver first polls
 * for {@code guestHaltPollNs} (0: halts at once); a run records it beside its latencies because it
 * moves them.
 *
 * @param driver the cpuidle driver, e.g. {@code haltpoll} or {@code intel_idle}; null where absent
 * @param governor the cpuidle governor, e.g. {@code menu}; null where absent
 * @param guestHaltPollNs the haltpoll driver's polling before a halt, in ns; null without haltpoll
 */
public record CpuIdle(String driver, String governor, Long guestHaltPollNs) {
  private static final Path CPUIDLE = Path.of("/sys/devices/system/cpu/cpuidle");
  private static final Path HALT_POLL_NS =
      Path.of("/sys/module/haltpoll/parameters/guest_halt_poll_ns");

  /** This machine's settings, read from sysfs. */
  public static CpuIdle read() {
    String governor = line(CPUIDLE.resolve("current_governor_ro"));
    if (governor == null) governor = line(CPUIDLE.resolve("current_governor"));
    String pollNs = line(HALT_POLL_NS);
    return new CpuIdle(
        line(CPUIDLE.resolve("current_driver")),
        governor,
        pollNs == null ? null : parseOrNull(pollNs));
  }

  private static Long parseOrNull(String s) {
    try {
      return Long.parseLong(s);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static String line(Path file) {
    try {
      String s = Files.readString(file).trim();
      return s.isEmpty() ? null : s;
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }
}

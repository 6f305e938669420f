package dev.dawn.workloads.inference;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.List;

/**
 * The JVM's garbage collections so far, summed over its collectors: read beside the latency clock
 * so that a pause inside a timed image shows up next to its time. The collector list is read once.
 * Java 17's G1 counts its young and mixed/full collections here, not the Remark and Cleanup pauses
 * of a concurrent cycle; {@code -Xlog:gc} lists every pause.
 */
public final class GcCounter {
  private final GarbageCollectorMXBean[] collectors;

  public GcCounter() {
    List<GarbageCollectorMXBean> beans = ManagementFactory.getGarbageCollectorMXBeans();
    this.collectors = beans.toArray(new GarbageCollectorMXBean[0]);
  }

  /**
   * Collections finished so far (young and old; concurrent cycles count as their collector says).
   */
  public long collections() {
    long n = 0;
    for (GarbageCollectorMXBean c : collectors) n += Math.max(0, c.getCollectionCount());
    return n;
  }

  /** Milliseconds spent collecting so far, as the collectors account it. */
  public long millis() {
    long ms = 0;
    for (GarbageCollectorMXBean c : collectors) ms += Math.max(0, c.getCollectionTime());
    return ms;
  }
}

package dev.dawn.workloads.inference;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;

/**
 * Milliseconds the JVM's JIT compilers have spent so far. The compilers run on threads of their own
 * that share the cores with TensorFlow's: while they compile the Java around the model (image
 * decoding, preprocessing, feeding), a timed image can wait for a core. Read beside the latency
 * clock like {@link GcCounter}; 0 on a JVM that does not account compilation time.
 */
public final class JitCounter {
  private final CompilationMXBean compiler = ManagementFactory.getCompilationMXBean();

  /** Compilation time so far, in ms. */
  public long millis() {
    return compiler != null && compiler.isCompilationTimeMonitoringSupported()
        ? compiler.getTotalCompilationTime()
        : 0;
  }
}

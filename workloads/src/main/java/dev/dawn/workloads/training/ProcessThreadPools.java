package dev.dawn.workloads.training;

import java.util.function.Consumer;

/**
 * The TensorFlow thread pools of this process. TF sizes its intra-op pool (the one Eigen and oneDNN
 * kernels use) and its inter-op pool once per process, from the options of the first session
 * (LocalDevice's global pool); a later session that asks for other sizes silently runs on the first
 * ones. Every dawn session registers its request here, so results can state the settings really in
 * effect and warn when a request could not be honoured.
 */
public final class ProcessThreadPools {
  private static ThreadSettings inEffect;

  private ProcessThreadPools() {}

  /**
   * Registers {@code requested} if no session was made yet and returns the settings the process
   * runs with.
   */
  public static synchronized ThreadSettings claim(ThreadSettings requested) {
    if (inEffect == null) {
      inEffect = requested;
    }
    return inEffect;
  }

  /**
   * {@link #claim}, and a warning through {@code warn} when the process already runs on other pools
   * than {@code requested} (what the caller records must then be the returned settings, not the
   * requested ones).
   */
  public static ThreadSettings claim(ThreadSettings requested, Consumer<String> warn) {
    ThreadSettings effective = claim(requested);
    if (!effective.equals(requested)) {
      warn.accept(
          String.format(
              "warning: TensorFlow sized this process's thread pools at its first session (intra/inter"
                  + " %d/%d); the requested %d/%d cannot take effect, so the results record %d/%d. Use a fresh process for"
                  + " other settings.",
              effective.intraOp(),
              effective.interOp(),
              requested.intraOp(),
              requested.interOp(),
              effective.intraOp(),
              effective.interOp()));
    }
    return effective;
  }
}

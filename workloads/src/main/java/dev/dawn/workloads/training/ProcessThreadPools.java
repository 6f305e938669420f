package dev.dawn.workloads.training;

/**
 * The TensorFlow thread pools of this process. TF sizes its intra-op pool (the one Eigen and oneDNN kernels use) and
 * its inter-op pool once per process, from the options of the first session (LocalDevice's global pool); a later
 * session that asks for other sizes silently runs on the first ones. Every dawn session registers its request here,
 * so results can state the settings really in effect and warn when a request could not be honoured.
 */
public final class ProcessThreadPools {
  private static ThreadSettings inEffect;

  private ProcessThreadPools() {}

  /** Registers {@code requested} if no session was made yet and returns the settings the process runs with. */
  public static synchronized ThreadSettings claim(ThreadSettings requested) {
    if (inEffect == null) {
      inEffect = requested;
    }
    return inEffect;
  }
}

package dev.dawn.workloads.training;

import org.tensorflow.proto.ConfigProto;

/** TF thread pools; 0 lets TensorFlow choose (measured best on the 2-core machine). */
public record ThreadSettings(int intraOp, int interOp) {
  public static final ThreadSettings TF_DEFAULT = new ThreadSettings(0, 0);

  public ThreadSettings {
    if (intraOp < 0 || interOp < 0) {
      throw new IllegalArgumentException(
          "threads intraOp/interOp must be >= 0 (0 = TF default), got " + intraOp + "/" + interOp);
    }
  }

  /**
   * Session options asking for these pools; registers them with {@link ProcessThreadPools} (only
   * the first session of a process sizes TF's pools).
   */
  public ConfigProto toConfig() {
    ProcessThreadPools.claim(this);
    return ConfigProto.newBuilder()
        .setIntraOpParallelismThreads(intraOp)
        .setInterOpParallelismThreads(interOp)
        .build();
  }
}

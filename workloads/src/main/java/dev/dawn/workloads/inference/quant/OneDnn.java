package dev.dawn.workloads.inference.quant;

/**
 * TF 2.18 as shipped in TF Java 1.1.0 leaves oneDNN's graph rewrite off on AMD CPUs unless the
 * environment says otherwise (its log then reads "TF-MKL: MKL is not enabled"). The quantized conv
 * ops are registered on CPU with placeholder kernels that only the oneDNN rewrite replaces, so
 * without it every INT8 conv fails at run time with "Missing 0-th output from {{node ...}}". The
 * variable is read once by the native library, so it must be set before the JVM starts: {@code
 * TF_ENABLE_ONEDNN_OPTS=1}.
 */
public final class OneDnn {
  public static final String ENV = "TF_ENABLE_ONEDNN_OPTS";

  private OneDnn() {}

  public static boolean enabled() {
    String v = System.getenv(ENV);
    return v != null && (v.equals("1") || v.equalsIgnoreCase("true"));
  }

  public static void requireEnabled() {
    if (!enabled()) {
      throw new IllegalStateException(
          "INT8 graphs need oneDNN: start the JVM with environment "
              + ENV
              + "=1 (currently "
              + System.getenv(ENV)
              + "); without it TF's quantized conv kernels are placeholders that"
              + " fail with 'Missing 0-th output'");
    }
  }
}

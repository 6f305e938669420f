package dev.dawn.workloads.models;

import java.util.List;

/**
 * Memory layout of activations inside the graph. Fed batches are always NHWC; NCHW graphs transpose
 * once at the input. NCHW needs NCHW kernels: GPU, or oneDNN on the CPU ({@code
 * TF_ENABLE_ONEDNN_OPTS=1}); the default Eigen CPU conv and pooling kernels accept NHWC only.
 * Pooling always runs in NHWC (transposes around it) for that reason.
 */
public enum DataFormat {
  NHWC,
  NCHW;

  /** Axes of height and width, for global pooling. */
  int[] spatialAxes() {
    return this == NHWC ? new int[] {1, 2} : new int[] {2, 3};
  }

  /** A 4-entry window/stride list with {@code value} on the spatial axes and 1 elsewhere. */
  List<Long> spatial(long value) {
    return this == NHWC ? List.of(1L, value, value, 1L) : List.of(1L, 1L, value, value);
  }

  int[] spatialInts(int value) {
    return this == NHWC ? new int[] {1, value, value, 1} : new int[] {1, 1, value, value};
  }
}

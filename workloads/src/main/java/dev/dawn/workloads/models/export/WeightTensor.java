package dev.dawn.workloads.models.export;

import java.util.Arrays;

/** One named float32 variable: its static shape and row-major values. */
public record WeightTensor(String name, long[] shape, float[] values) {
  public WeightTensor {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("weight tensor needs a name");
    }
    long size = 1;
    for (long d : shape) {
      if (d < 0) {
        throw new IllegalArgumentException(
            "weight '" + name + "': negative dimension in shape " + Arrays.toString(shape));
      }
      size *= d;
    }
    if (size != values.length) {
      throw new IllegalArgumentException(
          "weight '"
              + name
              + "': shape "
              + Arrays.toString(shape)
              + " needs "
              + size
              + " values, got "
              + values.length);
    }
    shape = shape.clone();
  }

  @Override
  public long[] shape() {
    return shape.clone();
  }

  /** Dimension {@code axis} of the shape. */
  public int dim(int axis) {
    return Math.toIntExact(shape[axis]);
  }
}

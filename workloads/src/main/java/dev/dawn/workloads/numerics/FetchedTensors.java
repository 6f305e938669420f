package dev.dawn.workloads.numerics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/** Named float32 tensors fetched in one session run, read into Java arrays. */
final class FetchedTensors {
  private final Map<String, float[]> values;
  private final Map<String, long[]> shapes;

  private FetchedTensors(Map<String, float[]> values, Map<String, long[]> shapes) {
    this.values = values;
    this.shapes = shapes;
  }

  static FetchedTensors run(
      Session s, Operand<TFloat32> input, Nhwc images, Map<String, Operand<TFloat32>> fetches) {
    try (TFloat32 x = tensor(images)) {
      return run(s, Map.of(input, x), fetches);
    }
  }

  static FetchedTensors run(
      Session s, Map<Operand<TFloat32>, TFloat32> feeds, Map<String, Operand<TFloat32>> fetches) {
    Session.Runner runner = s.runner();
    feeds.forEach(runner::feed);
    // One tensor may stand under two names (a float32 net's last layer is also its output); a
    // session fetches each tensor once.
    List<Operand<TFloat32>> distinct = new ArrayList<>();
    for (Operand<TFloat32> f : fetches.values()) {
      if (distinct.stream().noneMatch(d -> d.asOutput().equals(f.asOutput()))) {
        distinct.add(f);
        runner.fetch(f);
      }
    }
    Map<String, float[]> values = new LinkedHashMap<>();
    Map<String, long[]> shapes = new LinkedHashMap<>();
    try (Result r = runner.run()) {
      for (Map.Entry<String, Operand<TFloat32>> e : fetches.entrySet()) {
        int i = 0;
        while (!distinct.get(i).asOutput().equals(e.getValue().asOutput())) {
          i++;
        }
        TFloat32 t = (TFloat32) r.get(i);
        float[] v = new float[(int) t.size()];
        t.asRawTensor().data().asFloats().read(v);
        values.put(e.getKey(), v);
        shapes.put(e.getKey(), t.shape().asArray());
      }
    }
    return new FetchedTensors(values, shapes);
  }

  static TFloat32 tensor(Nhwc x) {
    float[] f = new float[x.v().length];
    for (int i = 0; i < f.length; i++) {
      f[i] = (float) x.v()[i];
    }
    return TFloat32.tensorOf(shapeOf(x), DataBuffers.of(f, true, false));
  }

  static Shape shapeOf(Nhwc x) {
    return Shape.of(x.n(), x.h(), x.w(), x.c());
  }

  /** An activation of any float dtype as float32 for fetching (exact: a widening cast). */
  @SuppressWarnings("unchecked")
  static Operand<TFloat32> asFloat32(Ops tf, Operand<?> x) {
    return x.asOutput().dataType() == org.tensorflow.proto.DataType.DT_FLOAT
        ? (Operand<TFloat32>) x
        : tf.dtypes.cast(x, TFloat32.class);
  }

  float[] floats(String name) {
    float[] v = values.get(name);
    if (v == null) {
      throw new IllegalArgumentException("nothing fetched as " + name);
    }
    return v;
  }

  Nhwc get(String name) {
    return Nhwc.of(floats(name), shapes.get(name));
  }

  /** True when every fetched tensor has the same bits in both runs (NaN equal to NaN). */
  boolean sameBits(FetchedTensors other) {
    if (!values.keySet().equals(other.values.keySet())) {
      return false;
    }
    for (String k : values.keySet()) {
      if (!Arrays.equals(values.get(k), other.values.get(k))) {
        return false;
      }
    }
    return true;
  }
}

package dev.dawn.workloads.inference.quant;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.Tensor;
import org.tensorflow.types.TFloat32;

/**
 * Runs the FP32 graph on calibration batches and feeds every named activation to its own
 * calibrator.
 */
public final class Calibration {
  private Calibration() {}

  public static Map<String, ActivationRange> ranges(
      Session session,
      Operand<TFloat32> input,
      Map<String, Operand<TFloat32>> activations,
      List<? extends Tensor> batches,
      Supplier<? extends ActivationCalibrator> calibrator) {
    if (batches.isEmpty()) {
      throw new IllegalArgumentException("calibration needs at least one batch");
    }
    List<String> names = new ArrayList<>(activations.keySet());
    Map<String, ActivationCalibrator> cals = new LinkedHashMap<>();
    names.forEach(n -> cals.put(n, calibrator.get()));
    // TF refuses to fetch a fed tensor, so the input's own range is read from the batch itself.
    List<String> fetched = names.stream().filter(n -> !isInput(activations.get(n), input)).toList();
    for (Tensor batch : batches) {
      names.stream()
          .filter(n -> isInput(activations.get(n), input))
          .forEach(n -> cals.get(n).observe(floats(batch)));
      Session.Runner runner = session.runner().feed(input, batch);
      fetched.forEach(n -> runner.fetch(activations.get(n)));
      try (Result r = runner.run()) {
        for (int i = 0; i < fetched.size(); i++) {
          cals.get(fetched.get(i)).observe(floats(r.get(i)));
        }
      }
    }
    Map<String, ActivationRange> out = new LinkedHashMap<>();
    cals.forEach((n, c) -> out.put(n, c.range()));
    return out;
  }

  private static boolean isInput(Operand<TFloat32> a, Operand<TFloat32> input) {
    return a.asOutput().equals(input.asOutput());
  }

  private static float[] floats(Tensor t) {
    if (!(t instanceof TFloat32 f)) {
      throw new IllegalArgumentException(
          "calibration activations must be float32, got " + t.dataType());
    }
    float[] v = new float[(int) f.size()];
    f.asRawTensor().data().asFloats().read(v);
    return v;
  }
}

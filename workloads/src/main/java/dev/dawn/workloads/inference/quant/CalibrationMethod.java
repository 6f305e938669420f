package dev.dawn.workloads.inference.quant;

import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

/**
 * How INT8 activation ranges are chosen from calibration batches, by the name the CLI and run
 * records use.
 */
public enum CalibrationMethod {
  /** The observed minimum and maximum. */
  MINMAX("minmax", MinMaxCalibrator::new),
  /** Clip at the 99.99th percentile of |activation|, so rare outliers do not stretch the range. */
  PERCENTILE("percentile", () -> new PercentileCalibrator(99.99)),
  /**
   * The clip point that minimises the KL divergence between the FP32 and the quantized histogram.
   */
  ENTROPY("entropy", EntropyCalibrator::new);

  private final String configName;
  private final Supplier<? extends ActivationCalibrator> calibrator;

  CalibrationMethod(String configName, Supplier<? extends ActivationCalibrator> calibrator) {
    this.configName = configName;
    this.calibrator = calibrator;
  }

  /** The name in configs and run records; also how a config binds it. */
  @com.fasterxml.jackson.annotation.JsonValue
  public String configName() {
    return configName;
  }

  /** A fresh calibrator per network (calibrators keep state across batches). */
  public Supplier<? extends ActivationCalibrator> calibrator() {
    return calibrator;
  }

  /**
   * @throws IllegalArgumentException naming the allowed names
   */
  public static CalibrationMethod fromConfigName(String name) {
    for (CalibrationMethod m : values()) {
      if (m.configName.equals(name)) return m;
    }
    throw new IllegalArgumentException("must be one of " + configNames() + ", got '" + name + "'");
  }

  public static List<String> configNames() {
    return Arrays.stream(values()).map(CalibrationMethod::configName).toList();
  }

  @Override
  public String toString() {
    return configName;
  }
}

package dev.dawn.harness.project;

import dev.dawn.workloads.models.ModelSpec;
import dev.dawn.workloads.models.export.FlopCounter;
import dev.dawn.workloads.models.export.RandomNets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The arithmetic of a network per image, from its own description (random weights, folded as a
 * trained model would be): what scales a device's measured images/s from the network it was
 * measured on to another one.
 */
public final class ModelArithmetic {
  /** Counting builds the network's graph: each network and resolution is counted once. */
  private static final Map<List<Object>, Long> MACS = new ConcurrentHashMap<>();

  private ModelArithmetic() {}

  /** Multiply-accumulates of one image at {@code resolution} px (convs and the classifier). */
  public static long macsPerImage(ModelSpec spec, int resolution) {
    return MACS.computeIfAbsent(
        List.of(spec, resolution),
        k -> FlopCounter.count(RandomNets.folded(spec, resolution, 0L)).macs());
  }

  /**
   * A device's images/s carried from the network its figure was measured on ({@code device.model},
   * e.g. {@code resnet50 x0.25}) to {@code model}, by multiply-accumulates per image at the
   * figure's resolution.
   */
  public static double imagesPerSecond(HardwareSpec.Device device, ModelSpec model) {
    int px = device.referenceResolution();
    return device.imagesPerSecond()
        * macsPerImage(measuredModel(device.model()), px)
        / macsPerImage(model, px);
  }

  /** The network a device file's figure is for, written {@code resnet50 x0.25}. */
  static ModelSpec measuredModel(String label) {
    String[] parts = label.trim().split("\\s+x");
    double width = parts.length > 1 ? Double.parseDouble(parts[1]) : 1.0;
    return new ModelSpec(parts[0], 100, width, null, null);
  }
}

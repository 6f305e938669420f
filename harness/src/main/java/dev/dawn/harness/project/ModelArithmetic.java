package dev.dawn.harness.project;

import dev.dawn.workloads.models.ModelSpec;
import dev.dawn.workloads.models.export.FlopCounter;
import dev.dawn.workloads.models.export.RandomNets;

/**
 * The arithmetic of a network per image, from its own description (random weights, folded as a
 * trained model would be): what scales a device's measured images/s from the network it was
 * measured on to another one.
 */
public final class ModelArithmetic {
  private ModelArithmetic() {}

  /** Multiply-accumulates of one image at {@code resolution} px (convs and the classifier). */
  public static long macsPerImage(ModelSpec spec, int resolution) {
    return FlopCounter.count(RandomNets.folded(spec, resolution, 0L)).macs();
  }
}

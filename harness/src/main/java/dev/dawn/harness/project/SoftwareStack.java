package dev.dawn.harness.project;

/**
 * The stack a projection trains with, on hardware whose published images/s were measured with
 * another stack: {@code speedFactor} = images/s of this stack / images/s of the hardware's stack.
 */
public record SoftwareStack(StackSpec spec, double speedFactor) {

  public SoftwareStack {
    if (!(speedFactor > 0))
      throw new IllegalArgumentException("a stack's speed factor must be > 0, got " + speedFactor);
  }

  /**
   * {@code stack} on hardware whose figure was measured with {@code hardwareStack}. Both must be
   * compared with the same anchor stack: speeds of stacks never compared on one GPU do not divide.
   */
  public static SoftwareStack on(StackSpec stack, StackSpec hardwareStack) {
    if (stack.name().equals(hardwareStack.name())) return new SoftwareStack(stack, 1.0);
    if (!stack.compute().relativeTo().equals(hardwareStack.compute().relativeTo())) {
      throw new IllegalArgumentException(
          "stack '"
              + stack.name()
              + "' is compared with '"
              + stack.compute().relativeTo()
              + "', the hardware's stack '"
              + hardwareStack.name()
              + "' with '"
              + hardwareStack.compute().relativeTo()
              + "': their speeds were never measured against each other");
    }
    return new SoftwareStack(
        stack, stack.compute().relativeSpeed() / hardwareStack.compute().relativeSpeed());
  }

  public int bytesPerGradientValue() {
    return spec.communication().bytesPerGradientValue();
  }

  public long fusionThresholdBytes() {
    return spec.communication().fusionThresholdBytes();
  }
}

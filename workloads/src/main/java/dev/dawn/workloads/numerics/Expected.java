package dev.dawn.workloads.numerics;

/**
 * What a correct kernel must return: the exact value (computed in double from the same inputs) and,
 * per element, how far a correct computation in the checked precision may land from it.
 *
 * @param bound per element, same layout as {@code value}
 */
public record Expected(Nhwc value, double[] bound) {
  public Expected {
    if (bound.length != value.v().length) {
      throw new IllegalArgumentException(
          "bound has " + bound.length + " elements, value " + value.v().length);
    }
  }

  /** An input the kernel received exactly as given (fetched from the graph): no error yet. */
  public static Expected exact(Nhwc value) {
    return new Expected(value, new double[value.v().length]);
  }
}

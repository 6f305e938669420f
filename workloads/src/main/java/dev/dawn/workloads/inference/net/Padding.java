package dev.dawn.workloads.inference.net;

/** TF padding modes. */
public enum Padding {
  SAME,
  VALID;

  /**
   * TF's output size of a window sliding over {@code in} pixels: SAME gives ceil(in / stride),
   * VALID gives floor((in - window) / stride) + 1.
   */
  public int outputSize(int in, int window, int stride) {
    int out = this == SAME ? (in + stride - 1) / stride : (in - window) / stride + 1;
    if (out < 1) {
      throw new IllegalArgumentException(
          "window "
              + window
              + " stride "
              + stride
              + " "
              + this
              + " on "
              + in
              + " px leaves no output");
    }
    return out;
  }
}

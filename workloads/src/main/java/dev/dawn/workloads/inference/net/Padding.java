package dev.dawn.workloads.inference.net;

/** TF padding modes. */
public enum Padding {
  SAME,
  VALID
}

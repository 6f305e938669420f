package dev.dawn.workloads.inference.net;

/** Max pooling, NHWC. */
public record MaxPool(int size, int stride, Padding padding) implements LayerSpec {}

package dev.dawn.workloads.inference.net;

/** One step of a {@link FoldedNet}. */
public sealed interface LayerSpec
    permits FoldedConv, ResidualBlock, MaxPool, GlobalAvgPool, Dense, ActivationLayer {}

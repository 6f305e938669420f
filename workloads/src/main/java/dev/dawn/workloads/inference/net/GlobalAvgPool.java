package dev.dawn.workloads.inference.net;

/** Mean over H and W, giving [N, C]. */
public record GlobalAvgPool() implements LayerSpec {}

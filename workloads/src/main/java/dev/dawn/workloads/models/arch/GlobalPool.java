package dev.dawn.workloads.models.arch;

/** Max or mean over all pixels, giving [N, C] for any input size. */
public record GlobalPool(PoolKind kind) implements Layer {}

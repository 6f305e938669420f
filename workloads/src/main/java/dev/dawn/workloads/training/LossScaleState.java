package dev.dawn.workloads.training;

/**
 * @param scale the loss scale the next step will use
 * @param skippedUpdates updates skipped so far because a gradient overflowed (always 0 for a fixed
 *     scale)
 */
public record LossScaleState(float scale, long skippedUpdates) {}

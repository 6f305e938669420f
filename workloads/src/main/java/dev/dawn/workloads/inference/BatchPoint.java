package dev.dawn.workloads.inference;

/**
 * Result of one batch size in a {@link BatchSizeSweep}: the time of each measured batch call, in
 * nanoseconds.
 *
 * @param nanos one entry per timed call; each covers {@code batchSize} items
 */
public record BatchPoint(int batchSize, long[] nanos) {}

/**
 * Statistics of repeated measurements (a sweep cell's times to target): {@link dev.dawn.reporters.stats.SampleSummary}
 * and {@link dev.dawn.reporters.stats.BootstrapInterval}. Plain Java, no TensorFlow. A run that missed its target
 * enters as {@code +Infinity}: it is counted, ranks as the slowest, and makes every statistic it reaches infinite
 * (the mean, the stdev; the median only when half the runs or more missed).
 */
package dev.dawn.reporters.stats;

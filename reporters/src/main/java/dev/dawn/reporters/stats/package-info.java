/**
 * Statistics of repeated measurements, free of TensorFlow: a sweep cell's summary ({@link
 * dev.dawn.reporters.stats.SampleSummary}, {@link dev.dawn.reporters.stats.BootstrapInterval}) and
 * the comparison of two samples (the ratio of their medians with a seeded bootstrap interval,
 * {@link dev.dawn.reporters.stats.RatioBootstrap}, and the Mann-Whitney U test, {@link
 * dev.dawn.reporters.stats.MannWhitneyU}). A run that missed its target enters as {@code
 * +Infinity}: it is counted, ranks as the slowest, and makes every statistic it reaches infinite
 * (the mean, the stdev; the median only when half the runs or more missed).
 */
package dev.dawn.reporters.stats;

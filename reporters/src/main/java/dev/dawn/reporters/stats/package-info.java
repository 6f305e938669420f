/**
 * Statistics for comparing runs, free of TensorFlow: the ratio of two samples' medians with a seeded bootstrap
 * interval ({@link dev.dawn.reporters.stats.RatioBootstrap}) and the Mann-Whitney U test
 * ({@link dev.dawn.reporters.stats.MannWhitneyU}).
 */
package dev.dawn.reporters.stats;

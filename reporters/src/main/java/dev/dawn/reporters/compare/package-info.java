/**
 * {@code dawn compare}: two sets of runs (run folders, sweep cells, whole sweeps; {@link
 * dev.dawn.reporters.compare.RunSelection}, cells named by {@link
 * dev.dawn.reporters.compare.CellSelector}) held to the same task, target and data ({@link
 * dev.dawn.reporters.compare.Comparability}) and compared per metric ({@link
 * dev.dawn.reporters.compare.RunComparison}) with the statistics of {@code
 * dev.dawn.reporters.stats}, put in words by {@link dev.dawn.reporters.compare.ComparisonText}. The
 * pairs of cells a sweep report compares are {@link dev.dawn.reporters.compare.SweepPairs}'s.
 */
package dev.dawn.reporters.compare;

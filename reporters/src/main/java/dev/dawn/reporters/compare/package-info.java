/**
 * {@code dawn compare}: two sets of runs (run folders, sweep cells, whole sweeps; {@link
 * dev.dawn.reporters.compare.RunSelection}) held to the same task, target and data ({@link
 * dev.dawn.reporters.compare.Comparability}) and compared per metric ({@link
 * dev.dawn.reporters.compare.RunComparison}) with the statistics of {@code
 * dev.dawn.reporters.stats}.
 */
package dev.dawn.reporters.compare;

/**
 * Charts (XChart, headless) in PNG and SVG via {@link dev.dawn.reporters.charts.ChartEncoder}:
 * {@code accuracy.png} of a run ({@link dev.dawn.reporters.charts.AccuracyChart}), several runs'
 * accuracy against hours ({@link dev.dawn.reporters.charts.AccuracyComparisonChart}), loss and
 * learning rate against step ({@link dev.dawn.reporters.charts.StepCharts}), latency CDF and
 * latency against batch size ({@link dev.dawn.reporters.charts.LatencyCharts}), and sweeps ({@link
 * dev.dawn.reporters.charts.SweepCharts}). Lines of runs come in groups (a run, or a sweep cell's
 * repeats) that share a colour and a legend entry ({@code LineGroups}); the report embeds a chart
 * as PNG or SVG, whichever is smaller ({@link dev.dawn.reporters.charts.ChartEncoder#smallest}).
 */
package dev.dawn.reporters.charts;

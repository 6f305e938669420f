/**
 * The self-contained HTML report ({@link dev.dawn.reporters.html.ComparisonReport#render}, behind
 * {@code dawn report}): everything read first ({@link dev.dawn.reporters.html.SweepView} for a
 * sweep), then one section class per part of the page: a sweep's verdict, cells, charts and runs
 * ({@link dev.dawn.reporters.html.SweepSection}), training runs ({@link
 * dev.dawn.reporters.html.RunSummarySection}, {@link dev.dawn.reporters.html.RunChartsSection}),
 * inference variants ({@link dev.dawn.reporters.html.InferenceSection}), op profiles, config and
 * environment differences, files. A chart is a {@link dev.dawn.reporters.html.Figure} (HTML caption
 * and legend, the plot embedded); a table an {@link dev.dawn.reporters.html.HtmlTable}; how a
 * quantity is written is {@link dev.dawn.reporters.html.ReportFigures}'s. The one escaping routine,
 * used by charts and leaderboards too, is {@code dev.dawn.reporters.html.text.HtmlText#escape}.
 */
package dev.dawn.reporters.html;

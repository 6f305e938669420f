/**
 * The self-contained HTML comparison of runs ({@link dev.dawn.reporters.html.ComparisonReport#render}, behind
 * {@code dawn report}); {@link dev.dawn.reporters.html.HtmlText#escape} is the one escaping routine.
 */
package dev.dawn.reporters.html;

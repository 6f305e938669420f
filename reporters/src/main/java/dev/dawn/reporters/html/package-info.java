/**
 * The self-contained HTML comparison of runs ({@link
 * dev.dawn.reporters.html.ComparisonReport#render}, behind {@code dawn report}). The one escaping
 * routine, used by charts and leaderboards too, is {@code
 * dev.dawn.reporters.html.text.HtmlText#escape}.
 */
package dev.dawn.reporters.html;

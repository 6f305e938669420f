/**
 * HTML text escaping ({@link dev.dawn.reporters.html.text.HtmlText#escape}): the bottom layer that
 * every package writing HTML or SVG (charts, leaderboard, the comparison report) uses, so none of
 * them depends on another for it.
 */
package dev.dawn.reporters.html.text;

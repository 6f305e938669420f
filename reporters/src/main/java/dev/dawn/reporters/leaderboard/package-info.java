/**
 * The 12 DAWNBench leaderboard tables with the site's ranking and display rules
 * ({@link dev.dawn.reporters.leaderboard.Leaderboard#fromCorpus}, {@code dawn leaderboard}), rendered by
 * {@link dev.dawn.reporters.leaderboard.MarkdownLeaderboard} and {@link dev.dawn.reporters.leaderboard.HtmlLeaderboard}.
 */
package dev.dawn.reporters.leaderboard;

/**
 * The 12 DAWNBench leaderboard tables with the site's ranking and display rules ({@link
 * dev.dawn.reporters.leaderboard.Leaderboard#fromCorpus}, {@code dawn leaderboard}; the
 * two-argument form ranks extra submissions such as our runs under the same CI rules), rendered by
 * {@link dev.dawn.reporters.leaderboard.MarkdownLeaderboard} and {@link
 * dev.dawn.reporters.leaderboard.HtmlLeaderboard} (whose {@code Predicate<Submission>} overloads
 * mark our rows).
 */
package dev.dawn.reporters.leaderboard;

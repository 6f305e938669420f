package dev.dawn.reporters.leaderboard;

import dev.dawn.reporters.dawnbench.Submission;

/**
 * One ranked entry.
 *
 * @param rank 1-based position after sorting ascending by {@code value}
 * @param figure the displayed metric ({@code 0:02:43}, {@code $7.43}, {@code 0.1345})
 * @param value the raw sort key (hours, USD, ms or USD per item)
 * @param date the timestamp as {@code Mon YYYY} ({@code ""} when unparseable)
 * @param submission the entry file
 */
public record LeaderboardRow(
    int rank, String figure, double value, String date, Submission submission) {}

/**
 * DAWNBench file formats: writers for our submission (TSV, training/inference JSON in the seed
 * files' byte style), tolerant readers for the real corpus, and the entries repo's CI rules ({@link
 * dev.dawn.reporters.dawnbench.SubmissionValidator}, {@code dawn validate}).
 */
package dev.dawn.reporters.dawnbench;

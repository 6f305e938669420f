/**
 * Run folders as files: the report rebuild entry point {@link
 * dev.dawn.reporters.run.RunExporter#export} ({@code dawn export}), whole run folders as reports
 * read them ({@link dev.dawn.reporters.run.RunDirectory#read}), the runs index ({@link
 * dev.dawn.reporters.run.RunsIndex}, {@code dawn runs}), a run as a DAWNBench submission ({@link
 * dev.dawn.reporters.run.RunSubmission#training}) and filing it into an entries checkout ({@link
 * dev.dawn.reporters.run.SubmissionFiler#file}, {@code dawn submit}).
 *
 * <p>Package layers (no cycles; checked by a test): {@code events} at the bottom; {@code latency},
 * {@code html.text} and {@code dawnbench} (the DAWNBench file formats) above it; {@code record} (a
 * run derived from its events); the writers {@code charts} and {@code csv}; {@code leaderboard};
 * then this package, {@code inference} and {@code html}, which put the writers together.
 */
package dev.dawn.reporters.run;

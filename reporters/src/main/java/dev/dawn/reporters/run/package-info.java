/**
 * Run records derived from events ({@link dev.dawn.reporters.run.RunRecord#fromEvents}, per-step series
 * {@link dev.dawn.reporters.run.StepSeries#fromEvents}), whole run folders as reports read them
 * ({@link dev.dawn.reporters.run.RunDirectory#read}), the report rebuild entry point
 * {@link dev.dawn.reporters.run.RunExporter#export} ({@code dawn export}), a run as a DAWNBench submission
 * ({@link dev.dawn.reporters.run.RunSubmission#training}) and filing it into an entries checkout
 * ({@link dev.dawn.reporters.run.SubmissionFiler#file}, {@code dawn submit}).
 */
package dev.dawn.reporters.run;

/**
 * {@code dawn sweep}: a spec ({@link dev.dawn.harness.sweep.SweepSpec}) expands into cells ({@link
 * dev.dawn.harness.sweep.SweepPlan}), every cell's config is bound before anything runs ({@link
 * dev.dawn.harness.sweep.SweepValidation}), and {@link dev.dawn.harness.sweep.SweepRunner} runs the
 * repeats interleaved, each as a {@code dawn train} child process, logging each run's start and
 * stop to the sweep's own {@code sweep-events.jsonl}; the CSVs and charts are derived from it by
 * {@code reporters.sweep}.
 */
package dev.dawn.harness.sweep;

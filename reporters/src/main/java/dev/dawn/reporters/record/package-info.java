/**
 * A run derived from its events alone: {@link dev.dawn.reporters.record.RunRecord#fromEvents}
 * (every evaluation, the epochs that finished and were evaluated, status, DAWNBench entry,
 * hyperparameters) and the per-step series {@link dev.dawn.reporters.record.StepSeries#fromEvents}.
 * The record is the one reading of a run: time and epochs to target, best accuracy and images/s are
 * defined there and nowhere else. Charts, CSV writers and run-folder readers build on these
 * records; this package depends only on the event schema and the DAWNBench entry fields.
 */
package dev.dawn.reporters.record;

/**
 * A run derived from its events alone: {@link dev.dawn.reporters.record.RunRecord#fromEvents}
 * (epochs that finished and were evaluated, status, DAWNBench entry, hyperparameters) and the
 * per-step series {@link dev.dawn.reporters.record.StepSeries#fromEvents}. Charts, CSV writers and
 * run-folder readers build on these records; this package depends only on the event schema and the
 * DAWNBench entry fields.
 */
package dev.dawn.reporters.record;

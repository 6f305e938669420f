/**
 * A sweep folder's derived files: {@code runs.csv}, {@code summary.csv} and the charts, all rebuilt
 * from the sweep's own append-only {@code sweep-events.jsonl} ({@link
 * dev.dawn.reporters.events.SweepRunStart}, {@link dev.dawn.reporters.events.SweepRunStop}) and
 * each run folder's {@code events.jsonl}; nothing is bookkept twice. {@link
 * dev.dawn.reporters.sweep.SweepFiles#write} is the entry point; {@link
 * dev.dawn.reporters.sweep.CellSummary} holds a cell's statistics (the same in the CSV, the charts
 * and the report), {@link dev.dawn.reporters.sweep.SweepAxes} which keys are axes and which cells
 * share a line.
 */
package dev.dawn.reporters.sweep;

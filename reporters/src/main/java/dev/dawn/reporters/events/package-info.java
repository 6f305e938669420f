/**
 * The run's single source of truth: an append-only {@code events.jsonl} in MLPerf {@code :::MLLOG} vocabulary.
 * Write with {@link dev.dawn.reporters.events.EventLog}, read with {@link dev.dawn.reporters.events.EventLogReader};
 * keys in {@link dev.dawn.reporters.events.MlLogKeys}. Everything else in this module is derived from it.
 */
package dev.dawn.reporters.events;

/**
 * The run's single source of truth: an append-only {@code events.jsonl} in MLPerf {@code :::MLLOG}
 * line format ({@code time_ms, event_type, key, value, metadata}). Everything else in this module
 * is derived from it.
 *
 * <p><b>One schema.</b> Every event is a record here ({@link dev.dawn.reporters.events.RunStart},
 * {@link dev.dawn.reporters.events.EpochStop}, {@link dev.dawn.reporters.events.EvalAccuracy},
 * {@link dev.dawn.reporters.events.TrainStep}, {@link
 * dev.dawn.reporters.events.InferenceVariantResult}, ...). Runners write records with {@link
 * dev.dawn.reporters.events.EventLog#write(RunEvent)}; reporters read lines with {@link
 * dev.dawn.reporters.events.EventLogReader} and bind them with the record's {@code KIND} ({@code
 * EpochStop.KIND.in(events)}, {@code KIND.decode(event)}). The same Jackson binding writes and
 * reads, so a field name exists once, as the record component's {@code @JsonProperty}. Keys are in
 * {@link dev.dawn.reporters.events.MlLogKeys}; scalar hyperparameters and run facts are {@link
 * dev.dawn.reporters.events.Hyperparameter}s under those keys.
 *
 * <p><b>Adding an event type</b> (all-reduce buckets, profiles, sweep cells, ...): add its key to
 * {@code MlLogKeys}, add a record implementing {@link dev.dawn.reporters.events.RunEvent} with a
 * {@code KIND} constant that says where its fields sit ({@code EventKind.inMetadata}, {@code
 * asValue} or {@code fieldAsValue}) and {@code toEvent} returning {@code KIND.encode(this,
 * timeMs)}; write it from the runner; read it in the reporter with {@code KIND.in(events)}. Fields
 * a later version adds must be nullable (boxed) so that older logs, which lack them, still bind;
 * readers ignore fields they do not know, so older readers still read newer logs.
 *
 * <p><b>MLPerf's rules.</b> A training run's log follows MLPerf Training's logging rules: {@link
 * dev.dawn.reporters.events.InitStart} to {@link dev.dawn.reporters.events.InitStop} around the
 * preparation, {@link dev.dawn.reporters.events.CacheClear}, {@link
 * dev.dawn.reporters.events.MlPerfSubmission}, then {@code run_start}; {@link
 * dev.dawn.reporters.events.RunStop} holds MLPerf's status beside dawn's. An MLPerf key keeps
 * MLPerf's name and meaning; our own keys must not be MLPerf names (see {@link
 * dev.dawn.reporters.events.MlLogKeys}). {@link dev.dawn.reporters.events.MlLogLine} prints an
 * event as MLPerf's tools read it.
 *
 * <p><b>Strict JSON.</b> A NaN or infinite number is written as null and named in the line's {@code
 * non_finite} metadata ({@link dev.dawn.reporters.events.NonFinite}); reading restores it. Logs
 * written before this rule, with bare {@code NaN}, still read.
 */
package dev.dawn.reporters.events;

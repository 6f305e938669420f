package dev.dawn.reporters.run;

import dev.dawn.reporters.dawnbench.DawnbenchEntry;
import dev.dawn.reporters.record.RunRecord;
import dev.dawn.reporters.dawnbench.Submission;
import dev.dawn.reporters.dawnbench.SubmissionReader;
import dev.dawn.reporters.dawnbench.Task;
import dev.dawn.reporters.events.EventLogReader;
import dev.dawn.reporters.events.MlLogKeys;
import java.nio.file.Files;
import java.nio.file.Path;

/** A run folder's DAWNBench training files ({@code <fileBasename>.json} and {@code .tsv}) as a {@link Submission}. */
public final class RunSubmission {
    private RunSubmission() {
    }

    public static Submission training(Path runDir) {
        Path events = runDir.resolve(RunExporter.EVENTS_FILE);
        if (!Files.isRegularFile(events)) {
            throw new IllegalArgumentException(runDir + ": not a run folder (no " + RunExporter.EVENTS_FILE + " inside)");
        }
        RunRecord run;
        try {
            run = RunRecord.fromEvents(EventLogReader.read(events));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(events + ": " + e.getMessage(), e);
        }
        Object initWeights = run.hyperparameters().get(MlLogKeys.INIT_WEIGHTS);
        if (initWeights != null) {
            // DAWNBench times training from scratch; a fine-tuning run's clock leaves out the training it started from.
            throw new IllegalArgumentException(runDir + ": run " + run.runId() + " started from trained weights ("
                    + initWeights + "), so its time is not an end-to-end time to accuracy and it is no DAWNBench"
                    + " training entry");
        }
        DawnbenchEntry entry = run.entry();
        Path json = runDir.resolve(entry.fileBasename() + ".json");
        Path tsv = runDir.resolve(entry.fileBasename() + ".tsv");
        for (Path f : new Path[] {json, tsv}) {
            if (!Files.isRegularFile(f)) {
                throw new IllegalArgumentException(runDir + ": missing " + f.getFileName()
                        + "; rebuild the run's DAWNBench files with 'dawn export " + runDir + "'");
            }
        }
        return SubmissionReader.read(json, entry.dataset(), Task.TRAIN);
    }
}

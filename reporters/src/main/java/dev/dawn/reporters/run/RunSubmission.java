package dev.dawn.reporters.run;

import dev.dawn.reporters.dawnbench.Submission;
import dev.dawn.reporters.dawnbench.SubmissionReader;
import dev.dawn.reporters.dawnbench.Task;
import dev.dawn.reporters.events.EventLogReader;
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
        DawnbenchEntry entry;
        try {
            entry = RunRecord.fromEvents(EventLogReader.read(events)).entry();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(events + ": " + e.getMessage(), e);
        }
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

package dev.dawn.harness.cli;

import dev.dawn.reporters.dawnbench.Submission;
import dev.dawn.reporters.dawnbench.SubmissionReader;
import dev.dawn.reporters.dawnbench.Task;
import dev.dawn.reporters.events.EventLogReader;
import dev.dawn.reporters.dawnbench.DawnbenchEntry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The DAWNBench inference JSONs of a dawn infer run folder, one per variant, as submissions to rank. */
final class InferenceSubmissions {
  private InferenceSubmissions() {}

  static List<Submission> of(Path run) {
    DawnbenchEntry entry = DawnbenchEntry.valueIn(EventLogReader.read(run.resolve("events.jsonl")))
        .map(DawnbenchEntry::fromMap)
        .orElseThrow(() -> new IllegalArgumentException(run + ": inference of an untrained model has no DAWNBench entry to rank"));
    var dataset = entry.dataset();
    try (var files = Files.list(run)) {
      return files.filter(f -> f.getFileName().toString().endsWith(".json"))
          .filter(f -> !f.getFileName().toString().equals("environment.json")).sorted()
          .map(f -> SubmissionReader.read(f, dataset, Task.INFERENCE)).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

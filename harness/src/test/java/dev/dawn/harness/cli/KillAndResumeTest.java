package dev.dawn.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dawn.harness.checkpoint.RunCheckpoints;
import dev.dawn.harness.checkpoint.RunModel;
import dev.dawn.harness.cluster.netns.NamespacesOrSkip;
import dev.dawn.reporters.events.CheckpointSaved;
import dev.dawn.reporters.events.EventLogReader;
import dev.dawn.reporters.events.RunResume;
import dev.dawn.reporters.record.EpochRecord;
import dev.dawn.reporters.record.RunRecord;
import dev.dawn.reporters.run.RunFolder;
import dev.dawn.workloads.checkpoint.BundleFiles;
import dev.dawn.workloads.checkpoint.ModelCheckpoint;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The resume oracle: a run killed with SIGKILL part-way and resumed ends with the same weights, bit
 * for bit (every variable of the final checkpoint: the bundle's bytes), and the same accuracies as
 * the same run uninterrupted; its log reads as one run marked resumed. Training on a CPU computes
 * the same ops on the same inputs the same way, so nothing but a lost or wrongly restored state can
 * make them differ.
 */
class KillAndResumeTest {
  private static final Duration WAIT = Duration.ofMinutes(4);

  @TempDir Path dir;

  /** Six epochs of the tiny set, a checkpoint after each, a target never reached (exit 3). */
  private Path config(String name, String extra) throws IOException {
    Path config = TinyTrainingConfig.write(dir, name);
    Files.writeString(config, Files.readString(config).replace("epochs: 2", "epochs: 6") + extra);
    return config;
  }

  /** {@code dawn launch} of two workers training {@code config} into {@code folder}. */
  private static Process launch(WorkerProcesses processes, Path config, Path folder, Path log)
      throws IOException {
    return processes.start(
        List.of(
            "launch",
            "--workers",
            "2",
            "--config",
            config.toString(),
            "--run-folder",
            folder.toString()),
        Map.of(),
        log);
  }

  @Test
  void aRunKilledInEpochThreeAndResumedEndsAsTheUninterruptedRunDoes() throws Exception {
    Path config = config("resumed", "");
    Path whole = dir.resolve("whole");
    Path stopped = dir.resolve("stopped");
    try (WorkerProcesses processes = new WorkerProcesses()) {
      Process killed =
          processes.start(
              List.of("train", "--config", config.toString(), "--run-folder", stopped.toString()),
              Map.of(),
              dir.resolve("stopped.log"));
      awaitLine(
          killed,
          dir.resolve("stopped.log"),
          stopped.resolve(RunFolder.EVENTS),
          "\"epoch_num\":3}",
          "\"epoch_start\"");
      killed.destroyForcibly(); // kill -9: no run_stop, no checkpoint of the unfinished epoch
      WorkerProcesses.exitWithin(killed, 60);
      // the same run uninterrupted, beside the resume (the data set exists now)
      Process uninterrupted =
          processes.start(
              List.of("train", "--config", config.toString(), "--run-folder", whole.toString()),
              Map.of(),
              dir.resolve("whole.log"));
      assertThat(new RunCheckpoints(stopped.resolve(RunFolder.CHECKPOINTS)).newestFirst())
          .as("epochs 1 and 2 checkpointed, the newest two kept")
          .hasSize(2);

      // A checkpoint spoilt on disk is skipped for the previous one, with a warning naming it.
      Path newest = new RunCheckpoints(stopped.resolve(RunFolder.CHECKPOINTS)).newestFirst().get(0);
      BundleFiles spoilt = ModelCheckpoint.bundle(newest);
      byte[] data = Files.readAllBytes(spoilt.data());
      data[data.length / 2] ^= 0x01;
      Files.write(spoilt.data(), data);

      ReportingCommandsTest.Run resumed =
          ReportingCommandsTest.dawn("train", "--resume", stopped.toString());
      assertThat(resumed.exit()).as(resumed.out() + resumed.err()).isEqualTo(3);
      assertThat(resumed.out())
          .contains("warning: checkpoint " + newest + " skipped")
          .contains("differs from what was written (SHA-256)");
      assertThat(WorkerProcesses.exitWithin(uninterrupted, 300))
          .as(Files.readString(dir.resolve("whole.log")))
          .isEqualTo(3);
    }

    RunRecord b = sameRunAs(whole, stopped);
    assertThat(b.resumes())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.epochPosition()).isEqualTo(1.0);
              assertThat(r.redoneEpochs()).containsExactly(2, 3);
            });
    assertThat(b.status()).isEqualTo("target_not_reached");
    // the training clock went on from the checkpoint's: hours grow epoch by epoch
    assertThat(b.epochs()).extracting(EpochRecord::hours).isSorted();

    // the files derived from the log show one run, marked resumed
    try (Stream<Path> s = Files.list(stopped)) {
      Path json =
          s.filter(
                  f ->
                      f.toString().endsWith(".json")
                          && f.getFileName().toString().startsWith("dawn_"))
              .findFirst()
              .orElseThrow();
      assertThat(Files.readString(json)).contains("\"resumed\"");
    }
  }

  /**
   * SIGTERM part-way through epoch 3: the run checkpoints its last completed step before its
   * run_stop (killed), and the resume continues within the epoch, nothing trained again, to the
   * uninterrupted run's end.
   */
  @Test
  void aRunStoppedBySigtermWithinAnEpochContinuesFromItsLastStep() throws Exception {
    Path config = config("signalled", "");
    Path whole = dir.resolve("whole");
    Path stopped = dir.resolve("stopped");
    Path events = stopped.resolve(RunFolder.EVENTS);
    try (WorkerProcesses processes = new WorkerProcesses()) {
      Path log = dir.resolve("stopped.log");
      Process signalled =
          processes.start(
              List.of("train", "--config", config.toString(), "--run-folder", stopped.toString()),
              Map.of(),
              log);
      awaitLine(signalled, log, events, "\"epoch_num\":3}", "\"epoch_start\"");
      Thread.sleep(300); // a few of the epoch's 15 steps
      signalled.destroy(); // SIGTERM
      assertThat(WorkerProcesses.exitWithin(signalled, 90))
          .as(Files.readString(log))
          .isEqualTo(143);
      Process uninterrupted =
          processes.start(
              List.of("train", "--config", config.toString(), "--run-folder", whole.toString()),
              Map.of(),
              dir.resolve("whole.log"));
      List<CheckpointSaved> saved = CheckpointSaved.KIND.in(EventLogReader.readLines(events));
      assertThat(saved.get(saved.size() - 1).trigger()).isEqualTo(CheckpointSaved.STOP);

      ReportingCommandsTest.Run resumed =
          ReportingCommandsTest.dawn("train", "--resume", stopped.toString());
      assertThat(resumed.exit()).as(resumed.out() + resumed.err()).isEqualTo(3);
      assertThat(WorkerProcesses.exitWithin(uninterrupted, 300))
          .as(Files.readString(dir.resolve("whole.log")))
          .isEqualTo(3);
    }
    RunRecord b = sameRunAs(whole, stopped);
    assertThat(b.resumes())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.redoneEpochs()).isEmpty();
              assertThat(r.epochPosition()).isGreaterThanOrEqualTo(2.0).isLessThan(3.0);
            });
  }

  /**
   * Two workers (dawn launch, loopback in a private network namespace), worker 1 killed with
   * SIGKILL in epoch 3: the chief stops on the lost worker, and {@code dawn launch --resume}
   * restores both workers from the chief's checkpoint; the run ends as the uninterrupted launch
   * does.
   */
  @Test
  void aLaunchWhoseWorkerIsKilledAndResumedEndsAsTheUninterruptedLaunchDoes() throws Exception {
    NamespacesOrSkip.assumeAvailable(); // dawn launch runs its workers in one
    Path config = config("pair", "distributed: {timeoutSeconds: 10}\n");
    Path whole = dir.resolve("whole");
    Path stopped = dir.resolve("stopped");
    try (WorkerProcesses processes = new WorkerProcesses()) {
      Path log = dir.resolve("stopped.log");
      Process launch = launch(processes, config, stopped, log);
      awaitLine(
          launch, log, stopped.resolve(RunFolder.EVENTS), "\"epoch_num\":3}", "\"epoch_start\"");
      ProcessHandle worker1 =
          launch
              .descendants()
              .filter(p -> ClusterTrainingTest.environment(p).contains("\"index\":1"))
              .findFirst()
              .orElseThrow();
      worker1.destroyForcibly(); // kill -9
      assertThat(WorkerProcesses.exitWithin(launch, 10 + 15 + 60))
          .as(Files.readString(log))
          .isEqualTo(137);
      assertThat(launch.descendants().filter(ProcessHandle::isAlive)).isEmpty();

      Path resumedLog = dir.resolve("resumed.log");
      Process resumed =
          processes.start(
              List.of("launch", "--workers", "2", "--resume", stopped.toString()),
              Map.of(),
              resumedLog);
      assertThat(WorkerProcesses.exitWithin(resumed, 300))
          .as(Files.readString(resumedLog))
          .isEqualTo(3);
      Process uninterrupted = launch(processes, config, whole, dir.resolve("whole.log"));
      assertThat(WorkerProcesses.exitWithin(uninterrupted, 300))
          .as(Files.readString(dir.resolve("whole.log")))
          .isEqualTo(3);
    }
    RunRecord b = sameRunAs(whole, stopped);
    assertThat(b.resumes())
        .singleElement()
        .satisfies(r -> assertThat(r.epochPosition()).isEqualTo(2.0));
    // worker 1's own log continues too: one run, resumed once
    assertThat(
            RunResume.KIND.in(
                EventLogReader.read(
                    stopped.resolve(RunFolder.WORKERS).resolve("1").resolve(RunFolder.EVENTS))))
        .singleElement()
        .satisfies(r -> assertThat(r.redoneEpochs()).containsExactly(3));
  }

  /** A finished run, a changed config or a folder without checkpoint: one line, exit 2. */
  @Test
  void aResumeThatCannotContinueIsRefusedInOneLine() throws Exception {
    Path config = config("short", "").toAbsolutePath();
    Files.writeString(config, Files.readString(config).replace("epochs: 6", "epochs: 1"));
    Path run = dir.resolve("run");
    ReportingCommandsTest.Run first =
        ReportingCommandsTest.dawn(
            "train", "--config", config.toString(), "--run-folder", run.toString());
    assertThat(first.exit()).as(first.err()).isEqualTo(3);

    ReportingCommandsTest.Run ended =
        ReportingCommandsTest.dawn("train", "--resume", run.toString());
    assertThat(ended.exit()).isEqualTo(2);
    assertThat(ended.err().strip())
        .doesNotContain("\n")
        .endsWith(
            "--resume "
                + run
                + ": the run already ended with status target_not_reached; only a stopped run"
                + " (killed, interrupted, failed) continues");

    // the same run as if killed before its run_stop, with another value in its config
    Path events = run.resolve(RunFolder.EVENTS);
    List<String> lines = Files.readAllLines(events);
    Files.write(events, lines.subList(0, lines.size() - 1));
    Path yaml = run.resolve(RunFolder.CONFIG);
    Files.writeString(
        yaml, Files.readString(yaml).replaceFirst("logEverySteps: \\d+", "logEverySteps: 7"));
    ReportingCommandsTest.Run changed =
        ReportingCommandsTest.dawn("train", "--resume", run.toString());
    assertThat(changed.exit()).isEqualTo(2);
    assertThat(changed.err().strip())
        .doesNotContain("\n")
        .contains("the config in train.logEverySteps");

    ReportingCommandsTest.Run none =
        ReportingCommandsTest.dawn("train", "--resume", dir.resolve("nowhere").toString());
    assertThat(none.exit()).isEqualTo(2);
    assertThat(none.err().strip()).doesNotContain("\n").contains("config.yaml is missing");
  }

  /**
   * Asserts that the resumed run in {@code stopped} ended as the uninterrupted one in {@code
   * whole}: every epoch's loss and accuracies, and the final checkpoint's bundle byte for byte.
   *
   * @return the resumed run's record
   */
  private static RunRecord sameRunAs(Path whole, Path stopped) throws IOException {
    RunRecord a = RunRecord.fromEvents(EventLogReader.read(whole.resolve(RunFolder.EVENTS)));
    RunRecord b = RunRecord.fromEvents(EventLogReader.read(stopped.resolve(RunFolder.EVENTS)));
    assertThat(b.epochs()).extracting(EpochRecord::epoch).containsExactly(1, 2, 3, 4, 5, 6);
    assertThat(b.epochs())
        .extracting(EpochRecord::top1Accuracy, EpochRecord::top5Accuracy)
        .isEqualTo(
            a.epochs().stream()
                .map(e -> org.assertj.core.groups.Tuple.tuple(e.top1Accuracy(), e.top5Accuracy()))
                .toList());
    assertThat(b.epochs())
        .extracting(EpochRecord::loss)
        .isEqualTo(a.epochs().stream().map(EpochRecord::loss).toList());
    // the final model: every variable of the training state, byte for byte
    Path endA = RunModel.checkpoint(whole).orElseThrow();
    Path endB = RunModel.checkpoint(stopped).orElseThrow();
    assertThat(endB.getFileName()).isEqualTo(endA.getFileName()); // same global step
    BundleFiles fa = ModelCheckpoint.bundle(endA);
    BundleFiles fb = ModelCheckpoint.bundle(endB);
    assertThat(Files.readAllBytes(fb.data())).isEqualTo(Files.readAllBytes(fa.data()));
    assertThat(Files.readAllBytes(fb.index())).isEqualTo(Files.readAllBytes(fa.index()));

    return b;
  }

  /** Waits until {@code events} has a line holding every one of {@code parts}. */
  static void awaitLine(Process p, Path log, Path events, String... parts) throws Exception {
    Instant deadline = Instant.now().plus(WAIT);
    while (Instant.now().isBefore(deadline)) {
      if (!p.isAlive()) {
        throw new AssertionError("the run ended before the line came: " + Files.readString(log));
      }
      if (Files.exists(events)
          && Files.readAllLines(events).stream()
              .anyMatch(l -> Stream.of(parts).allMatch(l::contains))) {
        return;
      }
      Thread.sleep(20);
    }
    throw new AssertionError("no line with " + List.of(parts) + " in " + events + " after " + WAIT);
  }
}

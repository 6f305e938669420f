package dev.dawn.harness.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dawn.reporters.run.RunFolder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkerFoldersTest {
  @TempDir Path results;
  private final LocalDateTime now = LocalDateTime.of(2026, 11, 30, 7, 0, 0);

  @Test
  void aGivenFolderIsTheChiefsAndHoldsEachWorkersLog() throws Exception {
    Path given = results.resolve("runs").resolve("shared");
    var worker = WorkerFolders.create(results, "x", now, given, 2);
    var chief = WorkerFolders.create(results, "x", now, given, 0);
    assertThat(chief.dir()).isEqualTo(given);
    assertThat(chief.runId()).isEqualTo("shared");
    assertThat(worker.dir()).isEqualTo(given.resolve("workers").resolve("2")).isDirectory();
    assertThat(worker.runId()).isEqualTo("shared-worker-2");
  }

  @Test
  void withoutOneEachProcessMakesATimestampedFolder() throws Exception {
    var chief = WorkerFolders.create(results, "x", now, null, 0);
    var worker = WorkerFolders.create(results, "x", now, null, 1);
    assertThat(chief.dir()).isEqualTo(results.resolve("runs").resolve("20261130-070000-x"));
    // another process's own folder: on a host that shares no disk with the chief
    assertThat(worker.dir().getParent().getParent().getFileName().toString())
        .startsWith("20261130-070000-x");
    assertThat(worker.dir().getFileName().toString()).isEqualTo("1");
  }

  @Test
  void aFolderThatHoldsARunIsNeverWrittenAgain() throws Exception {
    Path given = Files.createDirectories(results.resolve("old"));
    Files.writeString(given.resolve(RunFolder.EVENTS), "");
    assertThatThrownBy(() -> WorkerFolders.create(results, "x", now, given, 0))
        .isInstanceOf(ClusterStartException.class)
        .hasMessageContaining("--run-folder " + given + ": ")
        .hasMessageContaining("already holds a run");
  }
}

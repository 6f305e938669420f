package dev.dawn.reporters.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunDirectoryTest {
  @TempDir Path tmp;

  @Test
  void readsEveryFileOfARunFolder() throws Exception {
    RunDirectory run = RunDirectory.read(RunFixture.copy("imagenet-reached", tmp.resolve("a")));
    assertThat(run.id()).isEqualTo("r-reached");
    assertThat(run.config())
        .containsEntry("train.batchSize", "256")
        .containsEntry("optimizer.name", "momentum");
    assertThat(run.environment())
        .containsEntry("cpuModel", "AMD EPYC")
        .containsEntry("seeds.train", "42")
        .containsEntry("cpuFlags", "[\"fma\",\"avx2\"]");
    assertThat(run.steps()).hasSize(4);
  }

  @Test
  void optionalFilesMayBeMissingButBrokenOnesAreNamed() throws Exception {
    Path dir = RunFixture.copy("imagenet-reached", tmp.resolve("b"));
    Files.delete(dir.resolve(RunFolder.CONFIG));
    RunDirectory run = RunDirectory.read(dir);
    assertThat(run.config()).isEmpty();
    assertThat(run.setting("train.batchSize", "global_batch_size"))
        .hasValue("256"); // from the events

    Files.writeString(dir.resolve(RunFolder.ENVIRONMENT), "{ \"cores\": ");
    assertThatThrownBy(() -> RunDirectory.read(dir)).hasMessageContaining("environment.json");
    assertThatThrownBy(() -> RunDirectory.read(tmp)).hasMessageContaining("not a run folder");
  }
}

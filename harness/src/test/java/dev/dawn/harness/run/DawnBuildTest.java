package dev.dawn.harness.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** environment.json names the commit dawn was built from (written into the jar by the build). */
class DawnBuildTest {
  @Test
  void theBuildWroteItsCommitIntoTheClasspath() {
    assertThat(DawnBuild.class.getResource(DawnBuild.RESOURCE))
        .as("dawn-build.properties made by the build")
        .isNotNull();
    DawnBuild build = DawnBuild.current();
    assertThat(build.commit()).matches("[0-9a-f]{40}|unknown");
    String head = gitHead(Path.of("").toAbsolutePath());
    if (head != null) {
      assertThat(build.commit())
          .as("built and tested from this checkout (mvn regenerates it each build)")
          .isEqualTo(head);
    }
  }

  @Test
  void environmentRecordsTheBuildCommitNotTheWorkingFolders() {
    Map<String, Object> env = MachineEnvironment.describe("2.18.0", 1, 1, Map.of());
    assertThat(env.get("gitCommit")).isEqualTo(DawnBuild.current().commit());
  }

  private static String gitHead(Path dir) {
    try {
      Process p =
          new ProcessBuilder("git", "rev-parse", "HEAD")
              .directory(dir.toFile())
              .redirectErrorStream(true)
              .start();
      String out = new String(p.getInputStream().readAllBytes()).strip();
      return p.waitFor() == 0 ? out : null;
    } catch (Exception e) {
      return null;
    }
  }
}

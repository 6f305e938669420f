package dev.dawn.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where --export-savedmodel may write: never over a file or foreign files, over a SavedModel only
 * when allowed.
 */
class SavedModelTargetTest {
  @TempDir Path tmp;

  @Test
  void aNewOrEmptyFolderIsFine() throws Exception {
    SavedModelTarget.prepare(tmp.resolve("new"), false);
    SavedModelTarget.prepare(Files.createDirectories(tmp.resolve("empty")), false);
  }

  @Test
  void overwriteReplacesOnlyAnEarlierSavedModel() throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("model"));
    Files.writeString(dir.resolve("saved_model.pb"), "old");
    Files.writeString(
        Files.createDirectories(dir.resolve("variables")).resolve("variables.index"), "old");
    Files.writeString(
        Files.createDirectories(dir.resolve("assets.extra")).resolve("dawn-folded-net.json"), "{}");

    assertThatThrownBy(() -> SavedModelTarget.prepare(dir, false))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining(
            "already holds a SavedModel; refusing to overwrite it (add --overwrite");
    assertThat(dir.resolve("saved_model.pb")).exists();

    SavedModelTarget.prepare(dir, true);
    try (var left = Files.list(dir)) {
      assertThat(left).isEmpty();
    }
  }

  @Test
  void aFolderWithOtherFilesIsNeverTouched() throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("thesis"));
    Files.writeString(dir.resolve("saved_model.pb"), "old");
    Files.writeString(dir.resolve("chapter1.tex"), "precious");

    assertThatThrownBy(() -> SavedModelTarget.prepare(dir, true))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("holding other files (chapter1.tex)");
    assertThat(dir.resolve("chapter1.tex")).hasContent("precious");
    assertThat(dir.resolve("saved_model.pb")).hasContent("old");
  }
}

package dev.dawn.reporters.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFileTest {
  @TempDir Path dir;

  @Test
  void aWriteThatFailsHalfwayLeavesTheOldFileAndNoTemporary() throws IOException {
    Path target = Files.writeString(dir.resolve("weights.bin"), "old, whole");

    assertThatThrownBy(
            () ->
                AtomicFile.write(
                    target,
                    out -> {
                      out.write(new byte[1000]);
                      throw new IOException("No space left on device");
                    }))
        .isInstanceOf(IOException.class)
        .hasMessage("cannot write " + target + ": No space left on device");

    assertThat(Files.readString(target)).isEqualTo("old, whole");
    assertThat(dir.resolve("weights.bin.tmp")).doesNotExist();
  }

  @Test
  void aFailedFirstWriteLeavesNoFile() {
    Path target = dir.resolve("new.bin");
    assertThatThrownBy(
            () ->
                AtomicFile.write(
                    target,
                    out -> {
                      out.write(1);
                      throw new IOException("disk full");
                    }))
        .isInstanceOf(IOException.class);
    assertThat(target).doesNotExist();
  }

  @Test
  void replacesTheWholeFile() throws IOException {
    Path target = Files.writeString(dir.resolve("a.txt"), "a much longer old content");
    AtomicFile.write(target, "new".getBytes());
    assertThat(Files.readString(target)).isEqualTo("new");
  }
}

package dev.dawn.workloads.models.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dawn.workloads.models.ModelSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelWeightsTest {
  @TempDir Path dir;

  private static ModelWeights sample() {
    return new ModelWeights(
        new ModelSpec("resnet18", 10, 0.25, "C", null),
        List.of(
            new WeightTensor(
                "stem1.conv.kernel",
                new long[] {1, 1, 2, 3},
                new float[] {1, -2, 3.5f, 4, 5, -6e-7f}),
            new WeightTensor(
                "stem1.bn.gamma", new long[] {3}, new float[] {0.5f, Float.MIN_VALUE, -0f}),
            new WeightTensor("scalar", new long[] {}, new float[] {42f})));
  }

  @Test
  void roundTripsValuesShapesAndSpec() throws IOException {
    ModelWeights original = sample();
    original.save(dir);
    assertThat(Files.size(dir.resolve(ModelWeights.BIN_FILE))).isEqualTo(10 * 4);
    ModelWeights loaded = ModelWeights.load(dir);
    assertThat(loaded.spec()).isEqualTo(original.spec());
    assertThat(loaded.tensors()).hasSize(3);
    for (WeightTensor t : original.tensors()) {
      assertThat(loaded.get(t.name()).shape()).isEqualTo(t.shape());
      assertThat(loaded.get(t.name()).values()).isEqualTo(t.values());
    }
  }

  @Test
  void aFailedSaveLeavesTheEarlierWeightsWholeAndNamesTheFile() throws IOException {
    sample().save(dir);
    byte[] before = Files.readAllBytes(dir.resolve(ModelWeights.BIN_FILE));
    // The temporary file's name taken by a non-empty folder: the write fails as on a full disk,
    // before the rename.
    Files.writeString(
        Files.createDirectories(dir.resolve(ModelWeights.BIN_FILE + ".tmp")).resolve("x"), "x");

    assertThatThrownBy(() -> sample().save(dir))
        .isInstanceOf(IOException.class)
        .hasMessageStartingWith("cannot write " + dir.resolve(ModelWeights.BIN_FILE));

    assertThat(Files.readAllBytes(dir.resolve(ModelWeights.BIN_FILE))).isEqualTo(before);
    assertThat(ModelWeights.load(dir).tensors()).hasSize(3);
  }

  @Test
  void binaryIsLittleEndianFloat32() throws IOException {
    sample().save(dir);
    byte[] raw = Files.readAllBytes(dir.resolve(ModelWeights.BIN_FILE));
    // 1.0f = 0x3F800000, little-endian first byte is 0x00 and last is 0x3F
    assertThat(raw[0]).isEqualTo((byte) 0);
    assertThat(raw[3]).isEqualTo((byte) 0x3F);
  }

  @Test
  void truncatedBinaryNamesTheFile() throws IOException {
    sample().save(dir);
    Path bin = dir.resolve(ModelWeights.BIN_FILE);
    byte[] raw = Files.readAllBytes(bin);
    Files.write(bin, java.util.Arrays.copyOf(raw, raw.length - 3));
    assertThatThrownBy(() -> ModelWeights.load(dir))
        .isInstanceOf(WeightFileException.class)
        .hasMessageContaining(bin.toString())
        .hasMessageContaining("truncated");
  }

  @Test
  void corruptIndexNamesTheFileAndKey() throws IOException {
    sample().save(dir);
    Path index = dir.resolve(ModelWeights.INDEX_FILE);
    String json = Files.readString(index);
    Files.writeString(index, json.substring(0, json.length() / 2));
    assertThatThrownBy(() -> ModelWeights.load(dir))
        .isInstanceOf(WeightFileException.class)
        .hasMessageContaining(index.toString())
        .hasMessageContaining("not valid JSON");

    Files.writeString(index, json.replaceFirst("\"length\" : 6", "\"length\" : 7"));
    assertThatThrownBy(() -> ModelWeights.load(dir))
        .isInstanceOf(WeightFileException.class)
        .hasMessageContaining(index.toString())
        .hasMessageContaining("stem1.conv.kernel")
        .hasMessageContaining("length 7");

    Files.delete(index);
    assertThatThrownBy(() -> ModelWeights.load(dir))
        .isInstanceOf(WeightFileException.class)
        .hasMessageContaining(index.toString())
        .hasMessageContaining("missing");
  }

  @Test
  void rejectsShapeValueMismatch() {
    assertThatThrownBy(() -> new WeightTensor("w", new long[] {2, 2}, new float[3]))
        .hasMessageContaining("'w'")
        .hasMessageContaining("needs 4");
  }
}

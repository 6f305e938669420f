package dev.dawn.workloads.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyntheticImageNetTest {
  private static final SyntheticSpec SMALL = new SyntheticSpec(10, 4, 2, 32, 7L);

  @TempDir Path tmp;

  @Test
  void writesImageNetLayoutWithSynsetsAndManifest() throws IOException {
    SyntheticImageNet.GenerationResult result = SyntheticImageNet.generate(SMALL, tmp);

    assertThat(result.reused()).isFalse();
    assertThat(result.files()).isEqualTo(60);
    assertThat(tmp.resolve("train/n00000000/n00000000_0.JPEG")).isRegularFile();
    assertThat(tmp.resolve("train/n00000009/n00000009_3.JPEG")).isRegularFile();
    assertThat(tmp.resolve("val/n00000009/n00000009_1.JPEG")).isRegularFile();
    assertThat(tmp.resolve("val/n00000009/n00000009_2.JPEG")).doesNotExist();
    assertThat(tmp.resolve("manifest.json"))
        .content()
        .contains("\"classes\": 10", "\"files\": 60", result.contentHash());
    List<String> synsets = Files.readAllLines(tmp.resolve("synsets.txt"));
    assertThat(synsets).hasSize(10).first().isEqualTo("n00000000 solid disc");
    DecodedImage image =
        JpegCodec.decode(Files.readAllBytes(tmp.resolve("val/n00000003/n00000003_0.JPEG")), "x");
    assertThat(image.width()).isEqualTo(32);
    assertThat(image.height()).isEqualTo(32);
  }

  @Test
  void sameSeedGivesIdenticalBytesWhateverTheThreadCount() throws IOException {
    SyntheticImageNet.GenerationResult one = SyntheticImageNet.generate(SMALL, tmp.resolve("a"), 1);
    SyntheticImageNet.GenerationResult four =
        SyntheticImageNet.generate(SMALL, tmp.resolve("b"), 4);

    assertThat(four.contentHash()).isEqualTo(one.contentHash());
    for (Path file : jpegs(tmp.resolve("a"))) {
      Path twin = tmp.resolve("b").resolve(tmp.resolve("a").relativize(file));
      assertThat(Files.readAllBytes(twin)).as(twin.toString()).isEqualTo(Files.readAllBytes(file));
    }
  }

  @Test
  void differentSeedGivesDifferentImages() throws IOException {
    SyntheticImageNet.GenerationResult a = SyntheticImageNet.generate(SMALL, tmp.resolve("a"));
    SyntheticImageNet.GenerationResult b =
        SyntheticImageNet.generate(new SyntheticSpec(10, 4, 2, 32, 8L), tmp.resolve("b"));

    assertThat(b.contentHash()).isNotEqualTo(a.contentHash());
    assertThat(Files.readAllBytes(tmp.resolve("b/train/n00000000/n00000000_0.JPEG")))
        .isNotEqualTo(Files.readAllBytes(tmp.resolve("a/train/n00000000/n00000000_0.JPEG")));
  }

  @Test
  void reusesAMatchingFolderAndRegeneratesOtherwise() throws IOException {
    SyntheticImageNet.generate(SMALL, tmp);
    Files.writeString(tmp.resolve("keep-me.txt"), "user file");

    SyntheticImageNet.GenerationResult again = SyntheticImageNet.generate(SMALL, tmp);
    assertThat(again.reused()).isTrue();

    SyntheticSpec fewer = new SyntheticSpec(5, 3, 1, 32, 7L);
    SyntheticImageNet.GenerationResult changed = SyntheticImageNet.generate(fewer, tmp);
    assertThat(changed.reused()).isFalse();
    assertThat(jpegs(tmp)).hasSize(20);
    assertThat(tmp.resolve("train/n00000009")).doesNotExist();
    assertThat(tmp.resolve("keep-me.txt")).hasContent("user file");

    Files.delete(tmp.resolve("val/n00000004/n00000004_0.JPEG"));
    assertThat(SyntheticImageNet.generate(fewer, tmp).reused())
        .as("a missing image forces regeneration")
        .isFalse();
    assertThat(tmp.resolve("val/n00000004/n00000004_0.JPEG")).isRegularFile();
  }

  @Test
  void refusesToOverwriteAFolderItDidNotWrite() throws IOException {
    Path real = TestImages.writeJpeg(tmp.resolve("train/n01440764/x.JPEG"), 8, 8, 1, 2, 3);

    assertThatThrownBy(() -> SyntheticImageNet.generate(SMALL, tmp))
        .isInstanceOf(DatasetException.class)
        .hasMessageContaining(tmp.resolve("train").toString())
        .hasMessageContaining("refusing to overwrite");
    assertThat(real).isRegularFile();
  }

  @Test
  void hundredClassesAreDistinctShapeTextureCombinations() {
    Set<String> names = new HashSet<>();
    for (int c = 0; c < SyntheticClass.MAX_CLASSES; c++) {
      SyntheticClass cls = SyntheticClass.of(c);
      assertThat(names.add(cls.shape() + "/" + cls.texture())).as("class " + c).isTrue();
    }
    Set<SyntheticShape> shapesInTen = new HashSet<>();
    for (int c = 0; c < 10; c++) {
      shapesInTen.add(SyntheticClass.of(c).shape());
    }
    assertThat(shapesInTen).as("10 classes still use all 10 shapes").hasSize(10);
  }

  @Test
  void standardPresetImagesAreTheSetGeneratedBeforePresetsExisted() throws IOException {
    // The content hash of this spec as generated before presets were added: committed runs and
    // results on the standard set keep their data.
    SyntheticSpec everyClass = new SyntheticSpec(100, 3, 1, 40, 2019L);
    assertThat(everyClass.preset()).isEqualTo(SyntheticPreset.STANDARD);
    SyntheticImageNet.GenerationResult result = SyntheticImageNet.generate(everyClass, tmp);
    assertThat(result.contentHash())
        .isEqualTo("f0c68c77b70e4f66a56c6bd868a38673a888afed3b7c917c7b872695b22bd698");
    assertThat(tmp.resolve("manifest.json")).content().doesNotContain("preset");
  }

  @Test
  void hardPresetIsDeterministicDifferentAndRecordedInTheManifest() throws IOException {
    SyntheticSpec hard = new SyntheticSpec(10, 4, 2, 32, 7L, SyntheticPreset.HARD);
    SyntheticImageNet.GenerationResult one = SyntheticImageNet.generate(hard, tmp.resolve("a"), 1);
    SyntheticImageNet.GenerationResult two = SyntheticImageNet.generate(hard, tmp.resolve("b"), 3);
    SyntheticImageNet.GenerationResult standard =
        SyntheticImageNet.generate(SMALL, tmp.resolve("c"));

    assertThat(two.contentHash()).isEqualTo(one.contentHash());
    assertThat(one.contentHash()).isNotEqualTo(standard.contentHash());
    assertThat(tmp.resolve("a/manifest.json")).content().contains("\"preset\": \"hard\"");
    assertThat(SyntheticImageNet.generate(hard, tmp.resolve("a")).reused()).isTrue();
    // The same folder asked for the standard preset is regenerated, not reused.
    SyntheticSpec sameShapeStandard = new SyntheticSpec(10, 4, 2, 32, 7L);
    assertThat(SyntheticImageNet.generate(sameShapeStandard, tmp.resolve("a")).reused()).isFalse();
    assertThat(SyntheticImageNet.generate(sameShapeStandard, tmp.resolve("a")).contentHash())
        .isEqualTo(standard.contentHash());
  }

  @Test
  void presetNamesAreTheConfigWords() {
    assertThat(SyntheticPreset.fromConfigName("hard")).isEqualTo(SyntheticPreset.HARD);
    assertThatThrownBy(() -> SyntheticPreset.fromConfigName("harder"))
        .hasMessageContaining("[standard, hard]")
        .hasMessageContaining("'harder'");
  }

  @Test
  void rejectsImpossibleSpecs() {
    assertThatThrownBy(() -> new SyntheticSpec(101, 1, 1, 40, 0)).hasMessageContaining("1..100");
    assertThatThrownBy(() -> new SyntheticSpec(10, 1, 1, 8, 0)).hasMessageContaining("imageSize");
  }

  private static List<Path> jpegs(Path root) throws IOException {
    try (Stream<Path> s = Files.walk(root)) {
      return s.filter(p -> p.toString().endsWith(".JPEG")).sorted().toList();
    }
  }
}

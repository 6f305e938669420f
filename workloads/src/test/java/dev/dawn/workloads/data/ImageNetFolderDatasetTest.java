package dev.dawn.workloads.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageNetFolderDatasetTest {
  @TempDir Path root;

  /**
   * Two classes; n02 sorts after n01 so it is label 1. Train images are red for n01 and blue for
   * n02.
   */
  private void writeTrain() throws IOException {
    TestImages.writeJpeg(root.resolve("train/n02/n02_1.JPEG"), 8, 6, 0, 0, 250);
    TestImages.writeJpeg(root.resolve("train/n01/n01_1.JPEG"), 8, 6, 250, 0, 0);
    TestImages.writeJpeg(root.resolve("train/n01/n01_2.JPEG"), 8, 6, 250, 0, 0);
  }

  @Test
  void readsValidationClassFolders() throws IOException {
    writeTrain();
    TestImages.writeJpeg(root.resolve("val/n02/a.JPEG"), 8, 6, 0, 0, 250);
    Files.writeString(root.resolve("synsets.txt"), "n01 red thing\nn02 blue thing\n");

    ImageNetFolderDataset ds = ImageNetFolderDataset.open(root);

    assertThat(ds.wnids()).containsExactly("n01", "n02");
    assertThat(ds.classNames()).containsExactly("red thing", "blue thing");
    assertThat(ds.train()).extracting(ImageSource::label).containsExactly(0, 0, 1);
    assertThat(ds.validation())
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.label()).isEqualTo(1);
              assertThat(s.id()).endsWith("a.JPEG");
            });
    DecodedImage image = ds.train().get(2).decode();
    assertThat(image.width()).isEqualTo(8);
    assertThat(image.height()).isEqualTo(6);
    assertThat(image.rgb()[2] & 0xFF).as("blue channel of the blue class").isGreaterThan(200);
    assertThat(image.rgb()[0] & 0xFF).as("red channel of the blue class").isLessThan(50);
  }

  @Test
  void emptyClassFolderStaysAClassAndIsWarnedAbout() throws IOException {
    writeTrain();
    Files.createDirectories(root.resolve("train/n00"));
    TestImages.writeJpeg(root.resolve("val/n02/a.JPEG"), 8, 6, 0, 0, 250);
    List<String> warnings = new java.util.ArrayList<>();

    ImageNetFolderDataset ds = ImageNetFolderDataset.open(root, warnings::add);

    assertThat(ds.wnids()).containsExactly("n00", "n01", "n02");
    assertThat(warnings)
        .singleElement()
        .asString()
        .contains(root.resolve("train/n00").toString())
        .contains("class folder has no images");
  }

  @Test
  void readsFlatValidationWithKaggleSolutionCsv() throws IOException {
    writeTrain();
    TestImages.writeJpeg(root.resolve("val/ILSVRC2012_val_00000001.JPEG"), 8, 6, 0, 0, 250);
    TestImages.writeJpeg(root.resolve("val/ILSVRC2012_val_00000002.JPEG"), 8, 6, 250, 0, 0);
    Files.writeString(
        root.resolve("LOC_val_solution.csv"),
        "ImageId,PredictionString\n"
            + "ILSVRC2012_val_00000002,n01 1 2 3 4 n01 5 6 7 8\n"
            + "ILSVRC2012_val_00000001,n02 0 0 5 5\n"
            + "ILSVRC2012_val_00009999,n01 0 0 5 5\n");
    Files.writeString(
        root.resolve("LOC_synset_mapping.txt"), "n01 tench, Tinca tinca\nn02 goldfish\n");

    ImageNetFolderDataset ds = ImageNetFolderDataset.open(root);

    assertThat(ds.classNames()).containsExactly("tench, Tinca tinca", "goldfish");
    assertThat(ds.validation()).extracting(ImageSource::label).containsExactly(1, 0);
  }

  @Test
  void findsKaggleCsvsAboveTheClsLocFolder() throws IOException {
    Path kaggle = root;
    root = Files.createDirectories(kaggle.resolve("ILSVRC/Data/CLS-LOC"));
    writeTrain();
    TestImages.writeJpeg(root.resolve("val/ILSVRC2012_val_00000001.JPEG"), 8, 6, 0, 0, 250);
    Files.writeString(
        kaggle.resolve("LOC_val_solution.csv"),
        "ImageId,PredictionString\nILSVRC2012_val_00000001,n02 0 0 5 5\n");
    Files.writeString(kaggle.resolve("LOC_synset_mapping.txt"), "n01 tench\nn02 goldfish\n");

    ImageNetFolderDataset ds = ImageNetFolderDataset.open(root);

    assertThat(ds.classNames()).containsExactly("tench", "goldfish");
    assertThat(ds.validation()).extracting(ImageSource::label).containsExactly(1);
  }

  @Test
  void readsFlatValidationWithPlainLabelList() throws IOException {
    writeTrain();
    TestImages.writeJpeg(root.resolve("val/ILSVRC2012_val_00000001.JPEG"), 8, 6, 0, 0, 250);
    TestImages.writeJpeg(root.resolve("val/ILSVRC2012_val_00000002.JPEG"), 8, 6, 250, 0, 0);
    Files.writeString(
        root.resolve("val/val_labels.txt"),
        "ILSVRC2012_val_00000001.JPEG n02\nILSVRC2012_val_00000002.JPEG n01\n");

    ImageNetFolderDataset ds = ImageNetFolderDataset.open(root);

    assertThat(ds.classNames())
        .as("no synset file: names are the wnids")
        .containsExactly("n01", "n02");
    assertThat(ds.validation()).extracting(ImageSource::label).containsExactly(1, 0);
  }

  @Test
  void readsTheSyntheticSetThroughTheSameReader() throws IOException {
    SyntheticImageNet.generate(new SyntheticSpec(3, 2, 1, 24, 1L), root);

    ImageNetFolderDataset ds = ImageNetFolderDataset.open(root);

    assertThat(ds.classNames())
        .containsExactly(
            SyntheticClass.of(0).readableName(),
            SyntheticClass.of(1).readableName(),
            SyntheticClass.of(2).readableName());
    assertThat(ds.train()).extracting(ImageSource::label).containsExactly(0, 0, 1, 1, 2, 2);
    assertThat(ds.validation()).extracting(ImageSource::label).containsExactly(0, 1, 2);
  }

  @Test
  void missingFoldersAreNamed() throws IOException {
    Path absent = root.resolve("nope");
    assertThatThrownBy(() -> ImageNetFolderDataset.open(absent))
        .isInstanceOf(DatasetException.class)
        .hasMessageContaining(absent.toString())
        .hasMessageContaining("does not exist");

    Files.createDirectories(root.resolve("val"));
    assertThatThrownBy(() -> ImageNetFolderDataset.open(root))
        .isInstanceOf(DatasetException.class)
        .hasMessageContaining(root.resolve("train").toString())
        .hasMessageContaining("train/<wnid>/");

    Files.delete(root.resolve("val"));
    writeTrain();
    assertThatThrownBy(() -> ImageNetFolderDataset.open(root))
        .isInstanceOf(DatasetException.class)
        .hasMessageContaining(root.resolve("val").toString())
        .hasMessageContaining("validation folder");
  }

  @Test
  void flatValidationImageWithoutLabelIsAnError() throws IOException {
    writeTrain();
    TestImages.writeJpeg(root.resolve("val/ILSVRC2012_val_00000001.JPEG"), 8, 6, 0, 0, 250);
    Path orphan =
        TestImages.writeJpeg(root.resolve("val/ILSVRC2012_val_00000002.JPEG"), 8, 6, 0, 0, 250);
    Files.writeString(root.resolve("val_labels.txt"), "ILSVRC2012_val_00000001.JPEG n02\n");

    assertThatThrownBy(() -> ImageNetFolderDataset.open(root))
        .isInstanceOf(DatasetException.class)
        .hasMessageContaining(orphan.toString())
        .hasMessageContaining("no label")
        .hasMessageContaining("val_labels.txt");
  }

  @Test
  void flatValidationWithoutAnyLabelFileIsAnError() throws IOException {
    writeTrain();
    TestImages.writeJpeg(root.resolve("val/ILSVRC2012_val_00000001.JPEG"), 8, 6, 0, 0, 250);

    assertThatThrownBy(() -> ImageNetFolderDataset.open(root))
        .isInstanceOf(DatasetException.class)
        .hasMessageContaining("LOC_val_solution.csv")
        .hasMessageContaining("val_labels.txt");
  }

  @Test
  void unknownWnidAndMalformedLinesAreErrors() throws IOException {
    writeTrain();
    TestImages.writeJpeg(root.resolve("val/ILSVRC2012_val_00000001.JPEG"), 8, 6, 0, 0, 250);
    Files.writeString(root.resolve("val_labels.txt"), "ILSVRC2012_val_00000001.JPEG n99\n");
    assertThatThrownBy(() -> ImageNetFolderDataset.open(root))
        .hasMessageContaining("n99")
        .hasMessageContaining("not a training class");

    Files.writeString(root.resolve("val_labels.txt"), "ILSVRC2012_val_00000001.JPEG\n");
    assertThatThrownBy(() -> ImageNetFolderDataset.open(root))
        .hasMessageContaining("line 1")
        .hasMessageContaining("<file> <wnid>");

    Files.delete(root.resolve("val_labels.txt"));
    Files.writeString(root.resolve("LOC_val_solution.csv"), "id,label\n");
    assertThatThrownBy(() -> ImageNetFolderDataset.open(root))
        .hasMessageContaining("LOC_val_solution.csv")
        .hasMessageContaining("ImageId,PredictionString");
  }
}

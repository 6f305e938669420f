package dev.dawn.workloads.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Cifar10BinaryDatasetTest {
  @TempDir Path root;

  /** Record r of a file has label (base + r) % 10 and R = 10 + r, G = 100 + pixel % 50, B = 200. */
  private static byte[] batch(int records, int base) {
    byte[] bytes = new byte[records * Cifar10BinaryDataset.RECORD_BYTES];
    for (int r = 0; r < records; r++) {
      int o = r * Cifar10BinaryDataset.RECORD_BYTES;
      bytes[o] = (byte) ((base + r) % 10);
      for (int p = 0; p < 1024; p++) {
        bytes[o + 1 + p] = (byte) (10 + r);
        bytes[o + 1 + 1024 + p] = (byte) (100 + p % 50);
        bytes[o + 1 + 2048 + p] = (byte) 200;
      }
    }
    return bytes;
  }

  private void writeAll() throws IOException {
    for (int b = 1; b <= 5; b++) {
      Files.write(root.resolve("data_batch_" + b + ".bin"), batch(2, b));
    }
    Files.write(root.resolve("test_batch.bin"), batch(3, 0));
  }

  @Test
  void readsRecordsAndInterleavesPlanes() throws IOException {
    writeAll();

    Cifar10BinaryDataset ds = Cifar10BinaryDataset.open(root);

    assertThat(ds.train()).hasSize(10);
    assertThat(ds.validation()).extracting(ImageSource::label).containsExactly(0, 1, 2);
    assertThat(ds.train()).extracting(ImageSource::label).startsWith(1, 2, 2, 3);
    assertThat(ds.classNames()).hasSize(10).startsWith("airplane");
    DecodedImage image = ds.validation().get(2).decode();
    assertThat(image.width()).isEqualTo(32);
    int pixel = 33; // x = 1, y = 1
    assertThat(image.rgb()[pixel * 3] & 0xFF).isEqualTo(12);
    assertThat(image.rgb()[pixel * 3 + 1] & 0xFF).isEqualTo(100 + 33);
    assertThat(image.rgb()[pixel * 3 + 2] & 0xFF).isEqualTo(200);
    assertThat(ds.validation().get(2).id()).isEqualTo("test_batch.bin#2");
  }

  @Test
  void namesComeFromBatchesMetaAndSubfolderIsFound() throws IOException {
    root = Files.createDirectories(root.resolve("cifar-10-batches-bin"));
    writeAll();
    Files.writeString(root.resolve("batches.meta.txt"), "a\nb\nc\nd\ne\nf\ng\nh\ni\nj\n\n");

    Cifar10BinaryDataset ds = Cifar10BinaryDataset.open(root.getParent());

    assertThat(ds.classNames()).containsExactly("a", "b", "c", "d", "e", "f", "g", "h", "i", "j");
  }

  @Test
  void wrongSizeAndMissingFilesAreNamed() throws IOException {
    writeAll();
    Path broken = root.resolve("data_batch_3.bin");
    Files.write(broken, new byte[3072]);
    assertThatThrownBy(() -> Cifar10BinaryDataset.open(root))
        .isInstanceOf(DatasetException.class)
        .hasMessageContaining(broken.toString())
        .hasMessageContaining("3072 bytes")
        .hasMessageContaining("multiple of the 3073-byte");

    Files.delete(broken);
    assertThatThrownBy(() -> Cifar10BinaryDataset.open(root))
        .isInstanceOf(DatasetException.class)
        .hasMessageContaining(broken.toString())
        .hasMessageContaining("missing");

    assertThatThrownBy(() -> Cifar10BinaryDataset.open(root.resolve("absent")))
        .hasMessageContaining("does not exist");
  }

  @Test
  void labelBeyondClassCountIsAnError() throws IOException {
    writeAll();
    byte[] bad = batch(1, 0);
    bad[0] = 12;
    Files.write(root.resolve("test_batch.bin"), bad);
    assertThatThrownBy(() -> Cifar10BinaryDataset.open(root))
        .hasMessageContaining("record 0 has label 12");
  }
}

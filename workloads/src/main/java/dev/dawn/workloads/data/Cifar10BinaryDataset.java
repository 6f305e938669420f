package dev.dawn.workloads.data;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * CIFAR-10 in its binary distribution: {@code data_batch_1.bin .. data_batch_5.bin} (train) and
 * {@code test_batch.bin} (validation), found in the root or in its {@code cifar-10-batches-bin/}
 * subfolder. Each record is 1 label byte then 3072 bytes: the 32x32 R plane, G plane, B plane.
 * Names come from {@code batches.meta.txt} when present. The files are read into memory once (about
 * 180 MB for the full set).
 */
public final class Cifar10BinaryDataset implements ImageDataset {
  public static final int SIDE = 32;
  public static final int PIXELS = SIDE * SIDE;
  public static final int RECORD_BYTES = 1 + 3 * PIXELS;
  private static final List<String> DEFAULT_NAMES =
      List.of(
          "airplane", "automobile", "bird", "cat", "deer", "dog", "frog", "horse", "ship", "truck");

  private final Path dir;
  private final List<String> classNames;
  private final List<ImageSource> train;
  private final List<ImageSource> validation;

  private Cifar10BinaryDataset(
      Path dir, List<String> classNames, List<ImageSource> train, List<ImageSource> validation) {
    this.dir = dir;
    this.classNames = classNames;
    this.train = train;
    this.validation = validation;
  }

  public static Cifar10BinaryDataset open(Path root) throws IOException {
    if (!Files.isDirectory(root)) {
      throw new DatasetException(
          root
              + ": CIFAR-10 folder does not exist (expected data_batch_1..5.bin and "
              + "test_batch.bin inside)");
    }
    Path dir =
        Files.isRegularFile(root.resolve("cifar-10-batches-bin").resolve("test_batch.bin"))
            ? root.resolve("cifar-10-batches-bin")
            : root;
    List<String> names = readNames(dir.resolve("batches.meta.txt"));
    List<ImageSource> train = new ArrayList<>();
    for (int b = 1; b <= 5; b++) {
      train.addAll(readBatch(dir.resolve("data_batch_" + b + ".bin"), names.size()));
    }
    List<ImageSource> validation = readBatch(dir.resolve("test_batch.bin"), names.size());
    return new Cifar10BinaryDataset(dir, names, List.copyOf(train), validation);
  }

  private static List<String> readNames(Path meta) throws IOException {
    if (!Files.isRegularFile(meta)) {
      return DEFAULT_NAMES;
    }
    List<String> names =
        Files.readAllLines(meta, StandardCharsets.UTF_8).stream()
            .map(String::strip)
            .filter(s -> !s.isEmpty())
            .toList();
    if (names.isEmpty() || names.size() > 256) {
      throw new DatasetException(
          meta + ": expected one class name per line (1..256 names), found " + names.size());
    }
    return names;
  }

  private static List<ImageSource> readBatch(Path file, int classes) throws IOException {
    if (!Files.isRegularFile(file)) {
      throw new DatasetException(file + ": missing CIFAR-10 batch file");
    }
    long size = Files.size(file);
    if (size == 0 || size % RECORD_BYTES != 0) {
      throw new DatasetException(
          file
              + ": size "
              + size
              + " bytes is not a positive multiple of the "
              + RECORD_BYTES
              + "-byte CIFAR-10 record (1 label byte + 3x32x32 pixels)");
    }
    byte[] bytes = Files.readAllBytes(file);
    int records = (int) (size / RECORD_BYTES);
    List<ImageSource> out = new ArrayList<>(records);
    for (int r = 0; r < records; r++) {
      int label = bytes[r * RECORD_BYTES] & 0xFF;
      if (label >= classes) {
        throw new DatasetException(
            file
                + ": record "
                + r
                + " has label "
                + label
                + " but there are only "
                + classes
                + " classes");
      }
      out.add(new CifarRecord(file.getFileName() + "#" + r, label, bytes, r * RECORD_BYTES + 1));
    }
    return List.copyOf(out);
  }

  /**
   * One record inside a batch file's bytes; decoding converts the planar layout to interleaved RGB.
   */
  private record CifarRecord(String id, int label, byte[] batch, int offset)
      implements ImageSource {
    @Override
    public DecodedImage decode() {
      byte[] rgb = new byte[3 * PIXELS];
      for (int p = 0; p < PIXELS; p++) {
        rgb[p * 3] = batch[offset + p];
        rgb[p * 3 + 1] = batch[offset + PIXELS + p];
        rgb[p * 3 + 2] = batch[offset + 2 * PIXELS + p];
      }
      return new DecodedImage(SIDE, SIDE, rgb);
    }

    @Override
    public String toString() {
      return "CifarRecord[" + id + ", label=" + label + "]";
    }
  }

  public Path directory() {
    return dir;
  }

  @Override
  public String name() {
    return "cifar10";
  }

  @Override
  public List<String> classNames() {
    return classNames;
  }

  @Override
  public List<ImageSource> train() {
    return train;
  }

  @Override
  public List<ImageSource> validation() {
    return validation;
  }
}

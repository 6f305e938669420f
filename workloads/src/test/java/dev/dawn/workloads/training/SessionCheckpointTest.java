package dev.dawn.workloads.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dawn.workloads.checkpoint.BundleFiles;
import dev.dawn.workloads.checkpoint.BundleIndexReader;
import dev.dawn.workloads.checkpoint.ModelCheckpoint;
import dev.dawn.workloads.checkpoint.TrainingBundle;
import dev.dawn.workloads.models.export.ModelWeights;
import dev.dawn.workloads.models.export.WeightFileException;
import dev.dawn.workloads.models.export.WeightTensor;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.proto.BundleEntryProto;
import org.tensorflow.proto.BundleHeaderProto;
import org.tensorflow.proto.DataType;

/**
 * A session's checkpoint is TensorFlow's V2 bundle of every variable it lists, read back here with
 * an independent reader of the format ({@link BundleIndexReader}), and restoring it into another
 * session continues training bit for bit.
 */
class SessionCheckpointTest {
  @TempDir Path dir;

  /** Every role, half an accumulated update pending: the hardest state to continue exactly. */
  private static void train(TrainingSession s, int from, int steps) {
    for (int i = from; i < from + steps; i++) {
      s.trainStep(SyntheticBatches.separable(8, 16, 4, i), 0.5f, 0.9f);
      if (i % 2 == 1) s.applyAccumulated(0.5f, 0.9f);
    }
  }

  @Test
  void theBundleListsEveryVariableByItsGraphNameWithItsDtypeShapeAndBytes() throws Exception {
    Path folder = dir.resolve("ckpt-3");
    BundleFiles files = ModelCheckpoint.bundle(folder);
    Map<String, byte[]> values;
    List<String> names = new ArrayList<>();
    Map<String, String> dtypes;
    ModelWeights model;
    try (TrainingSession a = TrainingSession.create(ResNet9Sessions.everyRole(7L))) {
      train(a, 0, 3);
      model = a.weights().read();
      a.checkpoint().save(folder, 1);
      values = VariableValues.of(a);
      a.variables().all().forEach(v -> names.add(v.name()));
      dtypes = DtypesOf.variables(a);
    }
    assertThat(files.index()).hasFileName("variables.index");
    assertThat(files.data()).hasFileName("variables.data-00000-of-00001");
    try (var left = Files.list(folder)) {
      assertThat(left.map(f -> f.getFileName().toString()))
          .as("TensorFlow's temporary files renamed away")
          .containsExactlyInAnyOrder(
              "variables.index", "variables.data-00000-of-00001", ModelCheckpoint.MODEL);
    }
    // the model (replica 0's weights and BN statistics) can be read from it alone, as dawn infer
    // does
    ModelWeights read = ModelCheckpoint.read(folder);
    assertThat(read.tensors()).hasSameSizeAs(model.tensors());
    for (WeightTensor t : model.tensors()) {
      assertThat(read.get(t.name()).values()).as(t.name()).isEqualTo(t.values());
    }

    BundleIndexReader.Contents contents = BundleIndexReader.read(files.index());
    BundleHeaderProto header = contents.header();
    assertThat(header.getNumShards()).isEqualTo(1);
    assertThat(header.getEndianness()).isEqualTo(BundleHeaderProto.Endianness.LITTLE);
    assertThat(header.getVersion().getProducer()).isEqualTo(1);

    TreeSet<String> expected = new TreeSet<>(names);
    expected.add(TrainingBundle.GLOBAL_STEP);
    assertThat(contents.entries().keySet()).containsExactlyElementsOf(expected);

    byte[] data = Files.readAllBytes(files.data());
    for (String name : names) {
      BundleEntryProto e = contents.entries().get(name);
      assertThat(e.getDtype().name()).as(name).isEqualTo(dtypes.get(name));
      assertThat(e.getShardId()).isZero();
      byte[] stored =
          Arrays.copyOfRange(data, (int) e.getOffset(), (int) (e.getOffset() + e.getSize()));
      assertThat(stored).as("%s's bytes", name).isEqualTo(values.get(name));
      assertThat(e.getCrc32C())
          .as("%s's checksum", name)
          .isEqualTo(BundleIndexReader.maskedCrc32c(data, (int) e.getOffset(), (int) e.getSize()));
    }
    BundleEntryProto step = contents.entries().get(TrainingBundle.GLOBAL_STEP);
    assertThat(step.getDtype()).isEqualTo(DataType.DT_INT64);
    assertThat(step.getShape().getDimCount()).isZero();
    assertThat(
            ByteBuffer.wrap(data, (int) step.getOffset(), 8)
                .order(ByteOrder.LITTLE_ENDIAN)
                .getLong())
        .isEqualTo(1);
  }

  /**
   * Session b starts from another seed, restores a's checkpoint, and both take the same steps:
   * every variable ends bit-identical, so the checkpoint held the whole state.
   */
  @Test
  void restoringContinuesTrainingBitForBit() throws Exception {
    try (TrainingSession a = TrainingSession.create(ResNet9Sessions.everyRole(7L));
        TrainingSession b = TrainingSession.create(ResNet9Sessions.everyRole(8L))) {
      train(a, 0, 3);
      a.checkpoint().save(dir, 1);
      assertThat(VariableValues.of(b)).isNotEqualTo(VariableValues.of(a));
      assertThat(b.checkpoint().restore(dir)).isEqualTo(1);

      train(a, 3, 3);
      train(b, 3, 3);
      Map<String, byte[]> aAfter = VariableValues.of(a);
      Map<String, byte[]> bAfter = VariableValues.of(b);
      for (String name : aAfter.keySet()) {
        assertThat(bAfter.get(name)).as(name).isEqualTo(aAfter.get(name));
      }
    }
  }

  /** A flipped byte in the data file fails the restore on its checksum and changes nothing. */
  @Test
  void aCorruptBundleIsRefusedNamingItAndAssignsNothing() throws Exception {
    BundleFiles files = ModelCheckpoint.bundle(dir);
    try (TrainingSession a = TrainingSession.create(ResNet9Sessions.everyRole(7L));
        TrainingSession b = TrainingSession.create(ResNet9Sessions.everyRole(8L))) {
      train(a, 0, 1);
      a.checkpoint().save(dir, 0);
      byte[] data = Files.readAllBytes(files.data());
      data[data.length / 2] ^= 0x10;
      Files.write(files.data(), data);
      Map<String, byte[]> before = VariableValues.of(b);

      assertThatThrownBy(() -> b.checkpoint().restore(dir))
          .isInstanceOf(WeightFileException.class)
          .hasMessageStartingWith(files.index() + ": cannot be restored: ")
          .hasMessageNotContaining("\n");
      Map<String, byte[]> after = VariableValues.of(b);
      for (String name : before.keySet()) {
        assertThat(after.get(name)).as(name).isEqualTo(before.get(name));
      }
      Files.delete(files.data());
      assertThatThrownBy(() -> b.checkpoint().restore(dir))
          .isInstanceOf(WeightFileException.class)
          .hasMessageContaining("missing");
    }
  }
}

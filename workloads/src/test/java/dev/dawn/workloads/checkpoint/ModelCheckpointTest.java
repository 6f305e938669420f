package dev.dawn.workloads.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dawn.workloads.models.Model;
import dev.dawn.workloads.models.ModelSpec;
import dev.dawn.workloads.models.export.ModelWeights;
import dev.dawn.workloads.models.export.VariableStore;
import dev.dawn.workloads.models.export.WeightFileException;
import dev.dawn.workloads.models.export.WeightTensor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.Graph;
import org.tensorflow.op.Ops;
import org.tensorflow.proto.DataType;

/** A model's weights as a TensorFlow checkpoint folder, and every way reading one can fail. */
class ModelCheckpointTest {
  @TempDir Path dir;

  /** A pruned ResNet-9 (its own prep width) with distinct values in every variable. */
  private static ModelWeights weights() {
    ModelSpec spec = new ModelSpec("resnet9", 10, 0.125, null, null, Map.of("prep", 5));
    Map<String, long[]> shapes;
    try (Graph graph = new Graph()) {
      shapes = VariableStore.variableShapes(Model.build(Ops.create(graph), spec, 0));
    }
    List<WeightTensor> tensors = new ArrayList<>();
    int k = 0;
    for (Map.Entry<String, long[]> e : shapes.entrySet()) {
      long size = 1;
      for (long d : e.getValue()) size *= d;
      float[] values = new float[Math.toIntExact(size)];
      for (int i = 0; i < values.length; i++) values[i] = (k * 1000 + i) * 0.001f - 0.5f;
      tensors.add(new WeightTensor(e.getKey(), e.getValue(), values));
      k++;
    }
    return new ModelWeights(spec, tensors);
  }

  @Test
  void roundTripsEveryVariableAndTheModelDescription() throws IOException {
    ModelWeights original = weights();
    Path folder = dir.resolve("pruned");
    ModelCheckpoint.write(original, folder);
    assertThat(ModelCheckpoint.isCheckpoint(folder)).isTrue();

    ModelWeights read = ModelCheckpoint.read(folder);
    assertThat(read.spec()).isEqualTo(original.spec());
    assertThat(read.tensors()).hasSameSizeAs(original.tensors());
    for (WeightTensor t : original.tensors()) {
      assertThat(read.get(t.name()).shape()).as(t.name()).isEqualTo(t.shape());
      assertThat(read.get(t.name()).values()).as(t.name()).isEqualTo(t.values());
    }
    // what Python's tf.train.list_variables would list: every variable, float32, its shape
    var contents = BundleIndexReader.read(ModelCheckpoint.bundle(folder).index());
    assertThat(contents.entries().keySet())
        .containsExactlyElementsOf(
            new TreeSet<>(original.tensors().stream().map(WeightTensor::name).toList()));
    for (WeightTensor t : original.tensors()) {
      var entry = contents.entries().get(t.name());
      assertThat(entry.getDtype()).isEqualTo(DataType.DT_FLOAT);
      assertThat(entry.getShape().getDimList().stream().mapToLong(d -> d.getSize()).toArray())
          .as(t.name())
          .isEqualTo(t.shape());
    }
  }

  @Test
  void aFolderThatIsNotACheckpointIsNamedWithWhatIsMissing() throws IOException {
    Path empty = Files.createDirectories(dir.resolve("empty"));
    assertThat(ModelCheckpoint.isCheckpoint(empty)).isFalse();
    assertThatThrownBy(() -> ModelCheckpoint.read(empty))
        .isInstanceOf(WeightFileException.class)
        .hasMessageStartingWith(empty.resolve(ModelCheckpoint.MODEL) + ": missing");

    Path folder = dir.resolve("whole");
    ModelCheckpoint.write(weights(), folder);
    Files.delete(ModelCheckpoint.bundle(folder).data());
    assertThatThrownBy(() -> ModelCheckpoint.read(folder))
        .isInstanceOf(WeightFileException.class)
        .hasMessageStartingWith(ModelCheckpoint.bundle(folder).index() + ": missing");
  }

  @Test
  void aCorruptModelDescriptionOrBundleIsNamed() throws IOException {
    Path folder = dir.resolve("c");
    ModelCheckpoint.write(weights(), folder);
    Path model = folder.resolve(ModelCheckpoint.MODEL);
    String json = Files.readString(model);

    Files.writeString(model, json.substring(0, json.length() / 2));
    assertThatThrownBy(() -> ModelCheckpoint.read(folder))
        .isInstanceOf(WeightFileException.class)
        .hasMessageStartingWith(model + ": is not valid JSON");
    Files.writeString(model, json.replace("\"numClasses\" : 10", "\"numClasses\" : 1.5"));
    assertThatThrownBy(() -> ModelCheckpoint.read(folder))
        .hasMessageStartingWith(model + ": key 'numClasses' must be a whole number, got 1.5");
    // another class count: the classifier's shape no longer matches the bundle
    Files.writeString(model, json.replace("\"numClasses\" : 10", "\"numClasses\" : 7"));
    assertThatThrownBy(() -> ModelCheckpoint.read(folder))
        .isInstanceOf(WeightFileException.class)
        .hasMessageStartingWith(ModelCheckpoint.bundle(folder).index() + ": ")
        .hasMessageContaining("classifier.kernel");
    Files.writeString(model, json);

    Path data = ModelCheckpoint.bundle(folder).data();
    byte[] bytes = Files.readAllBytes(data);
    Files.write(data, java.util.Arrays.copyOf(bytes, bytes.length - 3));
    assertThatThrownBy(() -> ModelCheckpoint.read(folder))
        .isInstanceOf(WeightFileException.class)
        .hasMessageStartingWith(ModelCheckpoint.bundle(folder).index() + ": cannot be read: ")
        .hasMessageNotContaining("\n");
  }

  @Test
  void aBundleThatCannotBeWrittenFailsNamingTheFolder() throws IOException {
    Path blocked = Files.writeString(dir.resolve("a-file"), "not a folder");
    assertThatThrownBy(() -> ModelCheckpoint.write(weights(), blocked.resolve("inside")))
        .isInstanceOf(IOException.class);
  }
}

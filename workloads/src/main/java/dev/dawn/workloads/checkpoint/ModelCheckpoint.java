package dev.dawn.workloads.checkpoint;

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
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.exceptions.TensorFlowException;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TString;
import org.tensorflow.types.family.TType;

/**
 * A model's weights on disk: a folder holding a TensorFlow V2 checkpoint of every model variable
 * (trainables and BN moving statistics, named as the training graph names them) at {@code
 * <folder>/variables} ({@link BundleFiles}), and {@code model.json}, the {@link ModelSpec} that
 * built them. A training run's checkpoints are such folders (with the optimizer's and the rest of
 * the training state's variables in the same bundle, which reading the model leaves out), and so is
 * a pruned model {@code dawn infer} writes for fine-tuning.
 */
public final class ModelCheckpoint {
  /** The bundle's prefix inside a checkpoint folder. */
  public static final String VARIABLES = "variables";

  /** The model description beside the bundle. */
  public static final String MODEL = ModelSpecFile.NAME;

  private ModelCheckpoint() {}

  /** The bundle of the checkpoint folder {@code dir}. */
  public static BundleFiles bundle(Path dir) {
    return new BundleFiles(dir.resolve(VARIABLES));
  }

  /**
   * Whether {@code dir} holds a whole checkpoint folder (the model description is written last).
   */
  public static boolean isCheckpoint(Path dir) {
    return bundle(dir).exist() && Files.isRegularFile(dir.resolve(MODEL));
  }

  /**
   * Writes {@code weights} as the checkpoint folder {@code dir} (created if missing): the bundle,
   * then {@code model.json}.
   *
   * @throws IOException naming the folder when TensorFlow cannot write the bundle (e.g. a full
   *     disk)
   */
  public static void write(ModelWeights weights, Path dir) throws IOException {
    Files.createDirectories(dir);
    List<TFloat32> fed = new ArrayList<>();
    try (Graph graph = new Graph();
        Session session = new Session(graph)) {
      Ops tf = Ops.create(graph);
      Map<String, Operand<?>> tensors = new LinkedHashMap<>();
      Session.Runner runner = session.runner();
      for (WeightTensor w : weights.tensors()) {
        Placeholder<TFloat32> p =
            tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(w.shape())));
        TFloat32 value =
            TFloat32.tensorOf(Shape.of(w.shape()), DataBuffers.of(w.values(), true, false));
        fed.add(value);
        runner.feed(p, value);
        tensors.put(w.name(), p);
      }
      new BundleSave(tf, tensors).run(runner, bundle(dir));
    } catch (TensorFlowException e) {
      throw new IOException("cannot write the checkpoint " + dir + ": " + e.getMessage(), e);
    } finally {
      fed.forEach(TFloat32::close);
    }
    describe(dir, weights.spec());
  }

  /**
   * Writes {@code model.json} into the checkpoint folder {@code dir}, after its bundle: a folder
   * that has it is whole.
   */
  public static void describe(Path dir, ModelSpec spec) throws IOException {
    ModelSpecFile.write(dir, spec);
  }

  /**
   * The model variables of the checkpoint folder {@code dir}: every variable of the model {@code
   * model.json} describes, under its plain name (a training checkpoint's replica 0).
   *
   * @throws WeightFileException naming the file when the folder is not a whole checkpoint, the
   *     bundle lacks a variable, holds it in another shape, or its bytes fail their checksum
   */
  public static ModelWeights read(Path dir) {
    ModelSpec spec = ModelSpecFile.read(dir);
    Map<String, long[]> shapes;
    try (Graph graph = new Graph()) {
      shapes = VariableStore.variableShapes(Model.build(Ops.create(graph), spec, 0));
    }
    return read(dir, spec, shapes);
  }

  /**
   * The variables {@code shapes} names (float32, each of that shape) from the checkpoint folder
   * {@code dir}, for a model no architecture describes (tests); {@link #read(Path)} otherwise.
   */
  public static ModelWeights read(Path dir, ModelSpec spec, Map<String, long[]> shapes) {
    BundleFiles files = bundle(dir);
    if (!files.exist()) {
      throw new WeightFileException(
          files.index(), "missing (a checkpoint folder holds " + VARIABLES + ".index and .data)");
    }
    try (Graph graph = new Graph();
        Session session = new Session(graph)) {
      Ops tf = Ops.create(graph);
      List<String> names = new ArrayList<>(shapes.keySet());
      List<Class<? extends TType>> types =
          Collections.<Class<? extends TType>>nCopies(names.size(), TFloat32.class);
      BundleRestore restore = new BundleRestore(tf, names, types);
      List<WeightTensor> tensors = new ArrayList<>();
      try (TString path = BundleRestore.path(files)) {
        Session.Runner runner = restore.from(session.runner(), path);
        for (Output<?> o : restore.tensors()) runner.fetch(o);
        try (Result result = runner.run()) {
          for (int i = 0; i < names.size(); i++) {
            TFloat32 t = (TFloat32) result.get(i);
            long[] expected = shapes.get(names.get(i));
            if (!Arrays.equals(t.shape().asArray(), expected)) {
              throw new WeightFileException(
                  files.index(),
                  "variable '"
                      + names.get(i)
                      + "' has shape "
                      + Arrays.toString(t.shape().asArray())
                      + " but "
                      + MODEL
                      + " describes "
                      + Arrays.toString(expected));
            }
            float[] values = new float[Math.toIntExact(t.size())];
            t.asRawTensor().data().asFloats().read(values);
            tensors.add(new WeightTensor(names.get(i), expected, values));
          }
        }
      }
      return new ModelWeights(spec, tensors);
    } catch (TensorFlowException e) {
      throw WeightFileException.of(files.index(), "cannot be read", e);
    }
  }
}

package dev.dawn.workloads.models.export;

import dev.dawn.workloads.models.Model;
import dev.dawn.workloads.models.ModelSpec;
import dev.dawn.workloads.models.ParameterKind;
import dev.dawn.workloads.models.TrainableWeight;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tensorflow.Graph;
import org.tensorflow.GraphOperation;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/**
 * Reads and writes all variables of one model in a live graph/session: the trainables plus, for
 * every batch norm, its moving mean and variance (which are not trainable, so {@link
 * Model#trainables()} does not list them; their names follow LayerFactory's convention {@code
 * <layer>.moving_mean} next to {@code <layer>.gamma}).
 */
public final class VariableStore {
  private static final String GAMMA = ".gamma";

  private final ModelSpec spec;
  private final Graph graph;
  private final Session session;
  private final Map<String, long[]> shapes;
  private final List<Placeholder<TFloat32>> feeds = new ArrayList<>();
  private final List<Op> assigns = new ArrayList<>();

  /**
   * Prepended to every variable name to find its op: empty, or e.g. {@code replica_1/} for a
   * mirrored copy.
   */
  private final String opPrefix;

  /** Call while building the graph (it only reads the model's variable names and shapes). */
  public VariableStore(Model model, Graph graph, Session session) {
    this(model, graph, session, "");
  }

  /**
   * The copy of {@code model}'s variables whose ops are named {@code opPrefix + name} (a
   * data-parallel replica); the weights read and written keep the plain names.
   */
  public VariableStore(Model model, Graph graph, Session session, String opPrefix) {
    this.spec = model.spec();
    this.graph = graph;
    this.session = session;
    this.shapes = variableShapes(model);
    this.opPrefix = opPrefix;
    for (String name : shapes.keySet()) {
      if (graph.operation(opPrefix + name) == null) {
        throw new IllegalStateException(
            "model variable '" + name + "' has no op of that name in the graph");
      }
    }
  }

  /**
   * Name -> shape of every variable of {@code model}, in creation order with moving stats after
   * their gamma/beta.
   */
  public static Map<String, long[]> variableShapes(Model model) {
    Map<String, long[]> shapes = new LinkedHashMap<>();
    for (TrainableWeight w : model.trainables()) {
      shapes.put(w.name(), w.shape());
      if (w.kind() == ParameterKind.BN_BETA && w.name().endsWith(".beta")) {
        String layer = w.name().substring(0, w.name().length() - ".beta".length());
        shapes.put(layer + ".moving_mean", w.shape());
        shapes.put(layer + ".moving_variance", w.shape());
      }
    }
    return shapes;
  }

  public ModelWeights read() {
    Session.Runner runner = session.runner();
    List<String> names = new ArrayList<>(shapes.keySet());
    names.forEach(name -> runner.fetch(opPrefix + name));
    List<WeightTensor> tensors = new ArrayList<>();
    try (Result result = runner.run()) {
      for (int i = 0; i < names.size(); i++) {
        TFloat32 t = (TFloat32) result.get(i);
        float[] values = new float[Math.toIntExact(t.size())];
        t.asRawTensor().data().asFloats().read(values);
        long[] shape = shapes.get(names.get(i));
        if (!Arrays.equals(t.shape().asArray(), shape)) {
          throw new IllegalStateException(
              "variable '"
                  + names.get(i)
                  + "' has shape "
                  + t.shape()
                  + ", model says "
                  + Arrays.toString(shape));
        }
        tensors.add(new WeightTensor(names.get(i), shape, values));
      }
    }
    return new ModelWeights(spec, tensors);
  }

  /**
   * Assigns every variable from {@code weights}, which must hold exactly this model's variables
   * with the same shapes (the spec's width and class count may differ from this model's only if all
   * shapes still match).
   */
  public void write(ModelWeights weights) {
    for (String name : shapes.keySet()) {
      long[] expected = shapes.get(name);
      long[] got = weights.get(name).shape();
      if (!Arrays.equals(expected, got)) {
        throw new IllegalArgumentException(
            "weights tensor '"
                + name
                + "' has shape "
                + Arrays.toString(got)
                + " but the model variable is "
                + Arrays.toString(expected));
      }
    }
    for (WeightTensor t : weights.tensors()) {
      if (!shapes.containsKey(t.name())) {
        throw new IllegalArgumentException(
            "weights tensor '" + t.name() + "' is not a variable of " + spec);
      }
    }
    buildAssignsOnce();
    Session.Runner runner = session.runner();
    List<TFloat32> tensors = new ArrayList<>();
    try {
      int i = 0;
      for (String name : shapes.keySet()) {
        WeightTensor w = weights.get(name);
        TFloat32 t =
            TFloat32.tensorOf(Shape.of(w.shape()), DataBuffers.of(w.values(), true, false));
        tensors.add(t);
        runner.feed(feeds.get(i), t).addTarget(assigns.get(i));
        i++;
      }
      runner.run().close();
    } finally {
      tensors.forEach(TFloat32::close);
    }
  }

  /**
   * Assign ops are added to the graph on first use only, so graphs that never restore stay
   * unchanged.
   */
  @SuppressWarnings("unchecked")
  private synchronized void buildAssignsOnce() {
    if (!assigns.isEmpty()) {
      return;
    }
    Ops tf =
        Ops.create(graph)
            .withSubScope(
                opPrefix.isEmpty()
                    ? "restore_weights"
                    : "restore_weights_" + opPrefix.replaceAll("[^A-Za-z0-9_.-]", ""));
    for (Map.Entry<String, long[]> e : shapes.entrySet()) {
      GraphOperation variable = graph.operation(opPrefix + e.getKey());
      Placeholder<TFloat32> feed =
          tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(e.getValue())));
      feeds.add(feed);
      assigns.add(tf.assign((Operand<TFloat32>) (Operand<?>) variable.output(0), feed));
    }
  }
}

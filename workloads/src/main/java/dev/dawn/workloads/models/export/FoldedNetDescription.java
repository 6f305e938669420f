package dev.dawn.workloads.models.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dawn.workloads.inference.net.Activation;
import dev.dawn.workloads.inference.net.ActivationLayer;
import dev.dawn.workloads.inference.net.AvgPool;
import dev.dawn.workloads.inference.net.Dense;
import dev.dawn.workloads.inference.net.FoldedConv;
import dev.dawn.workloads.inference.net.FoldedNet;
import dev.dawn.workloads.inference.net.GlobalAvgPool;
import dev.dawn.workloads.inference.net.LayerSpec;
import dev.dawn.workloads.inference.net.MaxPool;
import dev.dawn.workloads.inference.net.NetLayers;
import dev.dawn.workloads.inference.net.Padding;
import dev.dawn.workloads.inference.net.ResidualBlock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * The layer structure of an exported {@link FoldedNet} as JSON in the SavedModel's {@code
 * assets.extra/} (TF's place for files the runtime ignores): kinds, shapes, strides, padding,
 * ReLUs, shortcut pools, and for every weight tensor the name of the graph constant holding it
 * (version 2 adds stand-alone activations). The weights themselves stay only in {@code
 * saved_model.pb}; reading the description back fetches those constants, so the rebuilt net is
 * bit-equal to the exported one.
 */
public final class FoldedNetDescription {
  public static final String FILE = "assets.extra/dawn-folded-net.json";
  static final String FORMAT = "dawn-folded-net";

  /**
   * 2 added the {@code activation} layer kind (GELU); version-1 files (no such layers) read
   * unchanged. Written as 1 when a net has no version-2 layer, so older dawn builds keep reading
   * what they could before.
   */
  static final int VERSION = 2;

  private static final java.util.Set<Integer> READABLE = java.util.Set.of(1, 2);
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private FoldedNetDescription() {}

  /**
   * @param constantOps {@code <layer>/<tensor>} -> graph op name, as {@link NetLayers#constantOps}
   *     gives
   */
  public static void write(FoldedNet net, Map<String, String> constantOps, Path savedModelDir) {
    ObjectNode root = JSON.createObjectNode();
    boolean v2 = net.layers().stream().anyMatch(l -> l instanceof ActivationLayer);
    root.put("format", FORMAT).put("version", v2 ? VERSION : 1);
    root.put("height", net.height()).put("width", net.width()).put("channels", net.channels());
    ArrayNode layers = root.putArray("layers");
    for (LayerSpec layer : net.layers()) {
      layers.add(layerNode(layer, constantOps));
    }
    Path file = savedModelDir.resolve(FILE);
    try {
      Files.createDirectories(file.getParent());
      JSON.writeValue(file.toFile(), root);
    } catch (IOException e) {
      throw new WeightFileException(
          file, "could not write the layer description: " + e.getMessage(), e);
    }
  }

  /**
   * @param constant fetches a graph constant by op name, checking it holds the given number of
   *     floats
   * @throws WeightFileException naming the file and key when the description is missing or
   *     malformed
   */
  public static FoldedNet read(Path savedModelDir, BiFunction<String, Integer, float[]> constant) {
    Path file = requirePresent(savedModelDir);
    JsonNode root;
    try {
      root = JSON.readTree(file.toFile());
    } catch (IOException e) {
      throw new WeightFileException(file, "is not valid JSON: " + e.getMessage(), e);
    }
    try {
      return new Reader(file, constant).net(root);
    } catch (IllegalArgumentException e) { // a record's own check (shapes, ReLU placement)
      throw new WeightFileException(file, "describes an invalid net: " + e.getMessage(), e);
    }
  }

  /**
   * @return the description file of {@code savedModelDir}; throws naming the folder when it is
   *     missing
   */
  public static Path requirePresent(Path savedModelDir) {
    Path file = savedModelDir.resolve(FILE);
    if (!Files.isRegularFile(file)) {
      throw new WeightFileException(
          file,
          "missing: the SavedModel in "
              + savedModelDir
              + " was not written by dawn "
              + "(dawn infer --export-savedmodel writes this layer description next to saved_model.pb); without it the "
              + "folded net cannot be rebuilt for INT8 or pruning");
    }
    return file;
  }

  private static ObjectNode layerNode(LayerSpec layer, Map<String, String> constantOps) {
    ObjectNode n = JSON.createObjectNode();
    if (layer instanceof FoldedConv c) {
      convNode(n, c, constantOps);
    } else if (layer instanceof ResidualBlock b) {
      n.put("kind", "residual").put("name", b.name());
      ArrayNode main = n.putArray("main");
      b.main().forEach(c -> convNode(main.addObject(), c, constantOps));
      if (b.projection() != null) {
        convNode(n.putObject("projection"), b.projection(), constantOps);
      }
      if (b.shortcutPool() != null) {
        AvgPool p = b.shortcutPool();
        n.putObject("shortcutPool")
            .put("size", p.size())
            .put("stride", p.stride())
            .put("padding", p.padding().name());
      }
    } else if (layer instanceof MaxPool p) {
      n.put("kind", "maxPool")
          .put("size", p.size())
          .put("stride", p.stride())
          .put("padding", p.padding().name());
    } else if (layer instanceof GlobalAvgPool) {
      n.put("kind", "globalAvgPool");
    } else if (layer instanceof ActivationLayer a) {
      n.put("kind", "activation").put("name", a.name()).put("function", a.function().name());
    } else if (layer instanceof Dense d) {
      n.put("kind", "dense").put("name", d.name()).put("in", d.in()).put("out", d.out());
      n.put("weights", op(constantOps, d.name(), NetLayers.WEIGHTS))
          .put("bias", op(constantOps, d.name(), NetLayers.BIAS));
    }
    return n;
  }

  private static void convNode(ObjectNode n, FoldedConv c, Map<String, String> constantOps) {
    n.put("kind", "conv")
        .put("name", c.name())
        .put("kh", c.kh())
        .put("kw", c.kw())
        .put("in", c.in())
        .put("out", c.out())
        .put("stride", c.stride())
        .put("padding", c.padding().name())
        .put("relu", c.relu())
        .put("kernel", op(constantOps, c.name(), NetLayers.KERNEL))
        .put("bias", op(constantOps, c.name(), NetLayers.BIAS));
  }

  private static String op(Map<String, String> constantOps, String layer, String tensor) {
    String op = constantOps.get(layer + "/" + tensor);
    if (op == null) {
      throw new IllegalStateException(
          "the exported graph has no constant for " + layer + "/" + tensor);
    }
    return op;
  }

  /** JSON -> records, with errors naming the file and the key. */
  private record Reader(Path file, BiFunction<String, Integer, float[]> constant) {
    FoldedNet net(JsonNode root) {
      if (!FORMAT.equals(root.path("format").asText())
          || !READABLE.contains(root.path("version").asInt())) {
        throw bad(
            "format",
            "must be '"
                + FORMAT
                + "' version 1 or "
                + VERSION
                + ", got '"
                + root.path("format").asText()
                + "' version "
                + root.path("version"));
      }
      List<LayerSpec> layers = new ArrayList<>();
      JsonNode list = root.path("layers");
      if (!list.isArray() || list.isEmpty()) {
        throw bad("layers", "must be a non-empty array");
      }
      for (int i = 0; i < list.size(); i++) {
        layers.add(layer(list.get(i), "layers[" + i + "]"));
      }
      return new FoldedNet(
          positive(root, "height", ""),
          positive(root, "width", ""),
          positive(root, "channels", ""),
          layers);
    }

    private LayerSpec layer(JsonNode n, String at) {
      String kind = text(n, "kind", at);
      return switch (kind) {
        case "conv" -> conv(n, at);
        case "residual" -> {
          List<FoldedConv> main = new ArrayList<>();
          JsonNode list = n.path("main");
          if (!list.isArray() || list.isEmpty()) {
            throw bad(at + ".main", "must be a non-empty array of convs");
          }
          for (int i = 0; i < list.size(); i++) {
            main.add(conv(list.get(i), at + ".main[" + i + "]"));
          }
          FoldedConv projection =
              n.has("projection") ? conv(n.get("projection"), at + ".projection") : null;
          AvgPool pool = null;
          if (n.has("shortcutPool")) {
            JsonNode p = n.get("shortcutPool");
            String pat = at + ".shortcutPool";
            pool =
                new AvgPool(positive(p, "size", pat), positive(p, "stride", pat), padding(p, pat));
          }
          yield new ResidualBlock(text(n, "name", at), main, projection, pool);
        }
        case "maxPool" ->
            new MaxPool(positive(n, "size", at), positive(n, "stride", at), padding(n, at));
        case "globalAvgPool" -> new GlobalAvgPool();
        case "activation" -> {
          String function = text(n, "function", at);
          try {
            yield new ActivationLayer(text(n, "name", at), Activation.valueOf(function));
          } catch (IllegalArgumentException e) {
            throw bad(at + ".function", "must be RELU or GELU, got '" + function + "'");
          }
        }
        case "dense" -> {
          int in = positive(n, "in", at);
          int out = positive(n, "out", at);
          yield new Dense(
              text(n, "name", at),
              floats(n, "weights", at, in * out),
              floats(n, "bias", at, out),
              in,
              out);
        }
        default ->
            throw bad(
                at + ".kind",
                "must be conv, residual, maxPool, globalAvgPool, activation or dense, got '"
                    + kind
                    + "'");
      };
    }

    private FoldedConv conv(JsonNode n, String at) {
      if (!"conv".equals(n.path("kind").asText())) {
        throw bad(at + ".kind", "must be 'conv'");
      }
      int kh = positive(n, "kh", at);
      int kw = positive(n, "kw", at);
      int in = positive(n, "in", at);
      int out = positive(n, "out", at);
      JsonNode relu = n.path("relu");
      if (!relu.isBoolean()) {
        throw bad(at + ".relu", "must be true or false");
      }
      return new FoldedConv(
          text(n, "name", at),
          floats(n, "kernel", at, kh * kw * in * out),
          floats(n, "bias", at, out),
          kh,
          kw,
          in,
          out,
          positive(n, "stride", at),
          padding(n, at),
          relu.booleanValue());
    }

    private float[] floats(JsonNode n, String key, String at, int expected) {
      String op = text(n, key, at);
      try {
        return constant.apply(op, expected);
      } catch (RuntimeException e) {
        throw bad(at + "." + key, "graph constant '" + op + "': " + e.getMessage());
      }
    }

    private Padding padding(JsonNode n, String at) {
      String p = text(n, "padding", at);
      try {
        return Padding.valueOf(p);
      } catch (IllegalArgumentException e) {
        throw bad(at + ".padding", "must be SAME or VALID, got '" + p + "'");
      }
    }

    private int positive(JsonNode n, String key, String at) {
      JsonNode v = n.path(key);
      if (!v.canConvertToInt() || !v.isIntegralNumber() || v.asInt() < 1) {
        throw bad(prefix(at) + key, "must be an integer >= 1, got " + v);
      }
      return v.asInt();
    }

    private String text(JsonNode n, String key, String at) {
      JsonNode v = n.path(key);
      if (!v.isTextual() || v.asText().isEmpty()) {
        throw bad(prefix(at) + key, "must be a non-empty string");
      }
      return v.asText();
    }

    private static String prefix(String at) {
      return at.isEmpty() ? "" : at + ".";
    }

    private WeightFileException bad(String key, String rule) {
      return new WeightFileException(file, "'" + key + "' " + rule);
    }
  }
}

package dev.dawn.workloads.models.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dawn.workloads.models.DataFormat;
import dev.dawn.workloads.models.ModelSpec;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every variable of a model (trainables and BN moving statistics) with the {@link ModelSpec} that
 * built it.
 *
 * <p>On disk ({@link #save}/{@link #load}) a folder holds two files:
 *
 * <ul>
 *   <li>{@code weights.bin}: the tensors' values one after another, little-endian IEEE float32,
 *       row-major (conv kernels HWIO, dense kernels [in, out]), no header or padding;
 *   <li>{@code weights.json}: {@code {"format": "dawn-weights-v1", "spec": {architecture,
 *       numClasses, widthMultiplier, variant, dataFormat[, channels: {conv: count}]}, "binBytes":
 *       N, "tensors": [{"name", "shape": [..], "offset": byte offset into weights.bin, "length":
 *       number of floats}, ...]}}.
 * </ul>
 *
 * The index is checked against the binary on load, so a truncated or swapped file fails with the
 * file named.
 */
public final class ModelWeights {
  public static final String FORMAT = "dawn-weights-v1";
  public static final String BIN_FILE = "weights.bin";
  public static final String INDEX_FILE = "weights.json";

  private static final ObjectMapper JSON = new ObjectMapper();

  private final ModelSpec spec;
  private final Map<String, WeightTensor> tensors;

  public ModelWeights(ModelSpec spec, List<WeightTensor> tensors) {
    if (spec == null) {
      throw new IllegalArgumentException("model weights need the ModelSpec that built them");
    }
    this.spec = spec;
    Map<String, WeightTensor> byName = new LinkedHashMap<>();
    for (WeightTensor t : tensors) {
      if (byName.put(t.name(), t) != null) {
        throw new IllegalArgumentException(
            "model weights: duplicate tensor name '" + t.name() + "'");
      }
    }
    this.tensors = byName;
  }

  public ModelSpec spec() {
    return spec;
  }

  /** In the order they were given (for models: creation order). */
  public List<WeightTensor> tensors() {
    return List.copyOf(tensors.values());
  }

  public boolean contains(String name) {
    return tensors.containsKey(name);
  }

  public WeightTensor get(String name) {
    WeightTensor t = tensors.get(name);
    if (t == null) {
      throw new IllegalArgumentException(
          "model weights for " + spec.architecture() + " have no tensor '" + name + "'");
    }
    return t;
  }

  public long floatCount() {
    return tensors.values().stream().mapToLong(t -> t.values().length).sum();
  }

  /**
   * Writes {@code weights.bin} and {@code weights.json} into {@code dir} (created if missing), each
   * by write-then- rename.
   *
   * @throws IOException naming the file that could not be written (e.g. a full disk)
   */
  public void save(Path dir) throws IOException {
    Files.createDirectories(dir);
    ObjectNode index = JSON.createObjectNode();
    index.put("format", FORMAT);
    ObjectNode s = index.putObject("spec");
    s.put("architecture", spec.architecture());
    s.put("numClasses", spec.numClasses());
    s.put("widthMultiplier", spec.widthMultiplier());
    if (spec.variant() == null) {
      s.putNull("variant");
    } else {
      s.put("variant", spec.variant());
    }
    s.put("dataFormat", spec.dataFormat().name());
    if (!spec.channels().isEmpty()) {
      ObjectNode channels =
          s.putObject("channels"); // only pruned models have it, so older readers see no change
      spec.channels().forEach(channels::put);
    }
    ByteBuffer bin =
        ByteBuffer.allocate(Math.toIntExact(floatCount() * Float.BYTES))
            .order(ByteOrder.LITTLE_ENDIAN);
    index.put("binBytes", bin.capacity());
    ArrayNode list = index.putArray("tensors");
    for (WeightTensor t : tensors.values()) {
      ObjectNode entry = list.addObject();
      entry.put("name", t.name());
      ArrayNode shape = entry.putArray("shape");
      for (long d : t.shape()) {
        shape.add(d);
      }
      entry.put("offset", bin.position());
      entry.put("length", t.values().length);
      bin.asFloatBuffer().put(t.values());
      bin.position(bin.position() + t.values().length * Float.BYTES);
    }
    // Each file is whole or absent (a full disk leaves no partial weights.bin); the index goes
    // last, so a folder whose index exists has the binary it describes.
    writeThenRename(dir.resolve(BIN_FILE), bin.array());
    writeThenRename(
        dir.resolve(INDEX_FILE), JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(index));
  }

  /**
   * The bytes go to {@code <name>.tmp}, renamed over the target only when all were written; a
   * failed temporary file is removed. (Reporters' AtomicFile does the same for report files;
   * workloads does not depend on reporters.)
   */
  private static void writeThenRename(Path target, byte[] bytes) throws IOException {
    Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
    try {
      Files.write(tmp, bytes);
      try {
        Files.move(
            tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      try {
        Files.deleteIfExists(tmp);
      } catch (IOException cleanup) {
        e.addSuppressed(cleanup);
      }
      String why =
          e instanceof java.nio.file.FileSystemException f && f.getReason() != null
              ? f.getFile() + ": " + f.getReason()
              : String.valueOf(e.getMessage());
      throw new IOException("cannot write " + target + ": " + why, e);
    }
  }

  /**
   * Reads a folder written by {@link #save}; any inconsistency throws {@link WeightFileException}
   * naming the file.
   */
  public static ModelWeights load(Path dir) throws IOException {
    Path indexFile = dir.resolve(INDEX_FILE);
    Path binFile = dir.resolve(BIN_FILE);
    JsonNode index;
    try {
      index = JSON.readTree(indexFile.toFile());
    } catch (NoSuchFileException | java.io.FileNotFoundException e) {
      throw new WeightFileException(indexFile, "missing (expected next to " + BIN_FILE + ")", e);
    } catch (IOException e) {
      throw new WeightFileException(indexFile, "is not valid JSON: " + e.getMessage(), e);
    }
    if (index == null || !index.isObject()) {
      throw new WeightFileException(indexFile, "is empty or not a JSON object");
    }
    if (!FORMAT.equals(index.path("format").asText())) {
      throw new WeightFileException(
          indexFile,
          "key 'format' must be '" + FORMAT + "', got '" + index.path("format").asText() + "'");
    }
    ModelSpec spec = readSpec(indexFile, index.path("spec"));
    if (!Files.exists(binFile)) {
      throw new WeightFileException(binFile, "missing (listed by " + INDEX_FILE + ")");
    }
    byte[] raw = Files.readAllBytes(binFile);
    long expectedBytes = requireLong(indexFile, index, "binBytes");
    if (raw.length != expectedBytes) {
      throw new WeightFileException(
          binFile,
          "has "
              + raw.length
              + " bytes but "
              + INDEX_FILE
              + " says "
              + expectedBytes
              + (raw.length < expectedBytes ? " (truncated)" : ""));
    }
    ByteBuffer bin = ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN);
    JsonNode list = index.path("tensors");
    if (!list.isArray()) {
      throw new WeightFileException(indexFile, "key 'tensors' must be an array");
    }
    List<WeightTensor> tensors = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      JsonNode entry = list.get(i);
      String where = "tensors[" + i + "]";
      String name = entry.path("name").asText("");
      if (name.isEmpty()) {
        throw new WeightFileException(indexFile, where + " has no 'name'");
      }
      where += " '" + name + "'";
      JsonNode shapeNode = entry.path("shape");
      if (!shapeNode.isArray()) {
        throw new WeightFileException(indexFile, where + ": 'shape' must be an array of sizes");
      }
      long[] shape = new long[shapeNode.size()];
      long size = 1;
      for (int d = 0; d < shape.length; d++) {
        shape[d] = shapeNode.get(d).asLong(-1);
        if (shape[d] < 0) {
          throw new WeightFileException(
              indexFile, where + ": shape entry " + d + " must be a size >= 0");
        }
        size *= shape[d];
      }
      long offset = requireLong(indexFile, entry, "offset");
      long length = requireLong(indexFile, entry, "length");
      if (length != size) {
        throw new WeightFileException(
            indexFile, where + ": length " + length + " does not match shape " + shapeNode);
      }
      if (offset < 0 || offset % Float.BYTES != 0 || offset + length * Float.BYTES > raw.length) {
        throw new WeightFileException(
            binFile,
            where
                + " at byte offset "
                + offset
                + " with "
                + length
                + " floats lies outside the file's "
                + raw.length
                + " bytes");
      }
      float[] values = new float[Math.toIntExact(length)];
      bin.position(Math.toIntExact(offset));
      bin.asFloatBuffer().get(values);
      tensors.add(new WeightTensor(name, shape, values));
    }
    try {
      return new ModelWeights(spec, tensors);
    } catch (IllegalArgumentException e) {
      throw new WeightFileException(indexFile, e.getMessage(), e);
    }
  }

  private static ModelSpec readSpec(Path indexFile, JsonNode s) {
    if (!s.isObject()) {
      throw new WeightFileException(
          indexFile, "key 'spec' must be an object with the model architecture");
    }
    try {
      JsonNode variant = s.path("variant");
      JsonNode format = s.path("dataFormat");
      Map<String, Integer> channels = new LinkedHashMap<>();
      JsonNode channelsNode = s.path("channels");
      if (!channelsNode.isMissingNode() && !channelsNode.isObject()) {
        throw new IllegalArgumentException("'channels' must map conv names to channel counts");
      }
      channelsNode
          .fields()
          .forEachRemaining(
              e ->
                  channels.put(e.getKey(), (int) requireLong(indexFile, channelsNode, e.getKey())));
      return new ModelSpec(
          s.path("architecture").asText(null),
          (int) requireLong(indexFile, s, "numClasses"),
          s.path("widthMultiplier").asDouble(Double.NaN),
          variant.isTextual() ? variant.asText() : null,
          format.isTextual() ? DataFormat.valueOf(format.asText()) : null,
          channels);
    } catch (IllegalArgumentException e) {
      throw new WeightFileException(indexFile, "key 'spec': " + e.getMessage(), e);
    }
  }

  private static long requireLong(Path file, JsonNode node, String key) {
    JsonNode v = node.path(key);
    if (!v.canConvertToLong() || !v.isIntegralNumber()) {
      throw new WeightFileException(
          file, "key '" + key + "' must be an integer, got " + (v.isMissingNode() ? "nothing" : v));
    }
    return v.asLong();
  }
}

package dev.dawn.harness.cluster;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.dawn.harness.config.ConfigException;
import dev.dawn.harness.config.ConfigLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Reads a training config and the cluster this process belongs to. {@code TF_CONFIG}, when set,
 * names the cluster (so TensorFlow launchers start dawn unchanged) and is laid over the config as
 * {@code distributed.workers} and {@code distributed.taskIndex}, checked like any other key; a
 * config that lists other workers than TF_CONFIG is refused rather than guessed between.
 */
public final class ClusterConfigLoader {
  private ClusterConfigLoader() {}

  public static ConfigLoader.Loaded load(
      Path file,
      String scale,
      List<String> overrides,
      Optional<TfConfig> tfConfig,
      Consumer<String> progress) {
    ConfigLoader loader = new ConfigLoader();
    ConfigLoader.Loaded own = loader.load(file, scale, overrides);
    if (tfConfig.isEmpty()) return own;
    TfConfig tf = tfConfig.get();
    List<String> configured = own.config().distributed().workers();
    if (!configured.isEmpty() && !configured.equals(tf.workers())) {
      throw new ConfigException(
          List.of(
              own.where("distributed.workers")
                  + ": key 'distributed.workers' "
                  + configured
                  + " differs from the workers of "
                  + TfConfig.VARIABLE
                  + " "
                  + tf.workers()
                  + "; TF_CONFIG names the cluster when set: drop the key or make them equal"));
    }
    ArrayNode workers = JsonNodeFactory.instance.arrayNode();
    tf.workers().forEach(workers::add);
    ConfigLoader.Loaded loaded =
        loader.load(
            file,
            scale,
            overrides,
            List.of(
                new ConfigLoader.KeyValue("distributed.workers", workers, TfConfig.VARIABLE),
                new ConfigLoader.KeyValue(
                    "distributed.taskIndex", IntNode.valueOf(tf.taskIndex()), TfConfig.VARIABLE)));
    progress.accept(
        "cluster from "
            + TfConfig.VARIABLE
            + ": task "
            + tf.taskIndex()
            + " of "
            + tf.workers().size()
            + " workers ("
            + tf.workers().get(tf.taskIndex())
            + (tf.taskIndex() == 0 ? ", the chief" : "")
            + ")");
    return loaded;
  }
}

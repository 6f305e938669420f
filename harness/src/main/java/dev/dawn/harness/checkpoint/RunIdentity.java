package dev.dawn.harness.checkpoint;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.dawn.workloads.data.ImageDataset;
import dev.dawn.workloads.data.ImageSource;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What a checkpoint's training can only continue with: the dawn build, the effective config (a hash
 * per key), the data set (a hash of each split's image ids and labels, in order) and the worker
 * count. A resume is refused when any differs, naming what.
 *
 * <p>The cluster's addresses ({@value #WORKER_ADDRESSES}) are not compared: a relaunch (or {@code
 * dawn launch}, which picks free ports) may run the same workers elsewhere.
 *
 * @param build the commit dawn was built from
 * @param config config key -> hash of its value
 * @param data one entry per split
 */
public record RunIdentity(
    @JsonProperty(value = "build", required = true) String build,
    @JsonProperty(value = "config", required = true) Map<String, Long> config,
    @JsonProperty(value = "data", required = true) List<Split> data,
    @JsonProperty(value = "workers", required = true) int workers) {

  /** The config key of the cluster's addresses, left out of the comparison. */
  public static final String WORKER_ADDRESSES = "distributed.workers";

  /** A split's image count and the SHA-256 of its ids and labels in order. */
  public record Split(
      @JsonProperty(value = "split", required = true) String split,
      @JsonProperty(value = "images", required = true) int images,
      @JsonProperty(value = "sha256", required = true) String sha256) {}

  public RunIdentity {
    config = new TreeMap<>(config);
    config.remove(WORKER_ADDRESSES);
    data = List.copyOf(data);
  }

  /**
   * @param config the config's per-key hashes ({@code ConfigFingerprint.byKey()})
   */
  public static RunIdentity of(
      String build, Map<String, Long> config, ImageDataset dataset, int workers) {
    return new RunIdentity(
        build,
        config,
        List.of(split("training", dataset.train()), split("validation", dataset.validation())),
        workers);
  }

  private static Split split(String name, List<ImageSource> images) {
    MessageDigest sha;
    try {
      sha = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
    for (ImageSource s : images) {
      sha.update((s.id() + "\t" + s.label() + "\n").getBytes(StandardCharsets.UTF_8));
    }
    return new Split(name, images.size(), HexFormat.of().formatHex(sha.digest()));
  }

  /**
   * What {@code now} (this process's run) differs in from this (the checkpoint's), in words; empty
   * when the training can continue.
   */
  public List<String> differences(RunIdentity now) {
    List<String> out = new ArrayList<>();
    if (!build.equals(now.build)) {
      out.add(
          "the dawn build (" + shortCommit(build) + " then, " + shortCommit(now.build) + " now)");
    }
    Set<String> keys = new TreeSet<>(config.keySet());
    keys.addAll(now.config.keySet());
    List<String> differing =
        keys.stream().filter(k -> !Objects.equals(config.get(k), now.config.get(k))).toList();
    if (!differing.isEmpty()) {
      out.add("the config in " + String.join(", ", differing));
    }
    for (Split then : data) {
      Split current =
          now.data.stream().filter(s -> s.split.equals(then.split)).findFirst().orElse(null);
      if (current == null) {
        out.add("the data set (no " + then.split + " split now)");
      } else if (current.images != then.images) {
        out.add(
            "the data set's "
                + then.split
                + " split ("
                + then.images
                + " images then, "
                + current.images
                + " now)");
      } else if (!current.sha256.equals(then.sha256)) {
        out.add("the data set's " + then.split + " split (other image files or labels)");
      }
    }
    if (workers != now.workers) {
      out.add("the worker count (" + workers + " then, " + now.workers + " now)");
    }
    return out;
  }

  private static String shortCommit(String commit) {
    return commit.length() > 12 ? commit.substring(0, 12) : commit;
  }
}

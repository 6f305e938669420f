package dev.dawn.harness.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dawn.harness.config.ConfigLeaves;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;

/**
 * What the workers of a cluster compare before they train: one 64-bit hash per config key (every
 * key but {@code distributed.taskIndex}, which is each worker's own), after a first hash of the
 * dawn build and the key list, so that a worker of another build is told apart from one with
 * another value. Hashes and not values travel, so the check costs one small gather whatever the
 * config holds.
 *
 * @param keys the compared keys, sorted
 * @param hashes the build/key-list hash, then one hash per key in {@code keys} order
 */
public record ConfigFingerprint(List<String> keys, long[] hashes) {
  /** Each worker's own key, the only one allowed to differ. */
  public static final String OWN_KEY = "distributed.taskIndex";

  public static ConfigFingerprint of(JsonNode tree, String build) {
    SortedMap<String, String> leaves = ConfigLeaves.of(tree);
    leaves.remove(OWN_KEY);
    List<String> keys = new ArrayList<>(leaves.keySet());
    long[] hashes = new long[keys.size() + 1];
    hashes[0] = hash(build + "\n" + String.join("\n", keys));
    int i = 1;
    for (Map.Entry<String, String> e : leaves.entrySet()) hashes[i++] = hash(e.getValue());
    return new ConfigFingerprint(List.copyOf(keys), hashes);
  }

  /** Each compared key's hash, keys sorted. */
  public Map<String, Long> byKey() {
    Map<String, Long> byKey = new java.util.LinkedHashMap<>();
    for (int i = 0; i < keys.size(); i++) byKey.put(keys.get(i), hashes[i + 1]);
    return byKey;
  }

  /** The whole config's hash (hex), as environment.json records it. */
  public String configHash() {
    ByteBuffer all = ByteBuffer.allocate(hashes.length * Long.BYTES);
    for (long h : hashes) all.putLong(h);
    return HexFormat.of().formatHex(sha256(all.array()), 0, 8);
  }

  /**
   * The first worker whose hashes differ from task 0's, in words, or empty when every worker runs
   * the same config.
   *
   * @param gathered every task's {@link #hashes}, task 0 first
   */
  public Optional<String> differences(long[][] gathered) {
    long[] chief = gathered[0];
    for (int task = 1; task < gathered.length; task++) {
      long[] other = gathered[task];
      if (other.length != chief.length || other[0] != chief[0]) {
        return Optional.of(
            "worker task "
                + task
                + " runs another dawn build or config key list than task 0: all workers must run the"
                + " same dawn build and config");
      }
      List<String> differing = new ArrayList<>();
      for (int k = 1; k < chief.length; k++) {
        if (other[k] != chief[k]) differing.add(keys.get(k - 1));
      }
      if (!differing.isEmpty()) {
        return Optional.of(
            "worker task "
                + task
                + "'s config differs from task 0's in "
                + String.join(", ", differing)
                + ": all workers must run the same config");
      }
    }
    return Optional.empty();
  }

  private static long hash(String text) {
    return ByteBuffer.wrap(sha256(text.getBytes(StandardCharsets.UTF_8))).getLong();
  }

  private static byte[] sha256(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}

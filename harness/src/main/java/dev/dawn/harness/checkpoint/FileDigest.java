package dev.dawn.harness.checkpoint;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * A file's size and SHA-256, recorded when a checkpoint is written so that a torn, truncated or
 * altered file is found before anything is restored, and all workers of a cluster judge their
 * copies the same way.
 */
public record FileDigest(
    @JsonProperty(value = "bytes", required = true) long bytes,
    @JsonProperty(value = "sha256", required = true) String sha256) {

  public static FileDigest of(Path file) throws IOException {
    MessageDigest sha;
    try {
      sha = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
    long bytes = 0;
    try (InputStream in = new DigestInputStream(Files.newInputStream(file), sha)) {
      byte[] buffer = new byte[1 << 16];
      for (int n; (n = in.read(buffer)) > 0; ) bytes += n;
    }
    return new FileDigest(bytes, HexFormat.of().formatHex(sha.digest()));
  }

  /** Why {@code file} is not the file this digest was taken of; empty when it is. */
  public Optional<String> mismatch(Path file) {
    if (!Files.isRegularFile(file)) return Optional.of(file.getFileName() + " is missing");
    try {
      long size = Files.size(file);
      if (size != bytes) {
        return Optional.of(
            file.getFileName() + " has " + size + " bytes, " + bytes + " were written");
      }
      if (!of(file).sha256.equals(sha256)) {
        return Optional.of(file.getFileName() + " differs from what was written (SHA-256)");
      }
      return Optional.empty();
    } catch (IOException e) {
      return Optional.of(file.getFileName() + " cannot be read: " + e.getMessage());
    }
  }
}

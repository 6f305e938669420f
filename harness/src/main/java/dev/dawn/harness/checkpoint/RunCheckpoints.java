package dev.dawn.harness.checkpoint;

import dev.dawn.reporters.files.AtomicFile;
import dev.dawn.workloads.checkpoint.ModelCheckpoint;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A run's {@code checkpoints/} folder: one folder per checkpoint, {@code ckpt-<global step>} (a
 * second one at the same step gets {@code -2}, ...), each written whole under {@code
 * <name>.partial} and renamed into place, so a folder under its real name is complete; a kill
 * during a write leaves only the partial folder, which is ignored and removed by the next write.
 * The newest {@code keep} stay, and TensorFlow's {@value #TF_STATE} file names them, so Python's
 * {@code tf.train.latest_checkpoint(<run>/checkpoints)} finds the newest.
 */
public final class RunCheckpoints {
  /**
   * TensorFlow's checkpoint-state file (text proto), as {@code tf.train.CheckpointManager} keeps
   * it.
   */
  public static final String TF_STATE = "checkpoint";

  /** A checkpoint found unusable is renamed with this suffix: kept to look at, never used. */
  public static final String UNUSABLE_SUFFIX = ".unusable";

  private static final String PARTIAL_SUFFIX = ".partial";
  private static final Pattern NAME = Pattern.compile("ckpt-(\\d+)(?:-(\\d+))?");

  /** Writes one checkpoint's files into the folder it is given. */
  @FunctionalInterface
  public interface Content {
    void writeTo(Path folder) throws IOException;
  }

  private final Path dir;

  public RunCheckpoints(Path dir) {
    this.dir = dir;
  }

  public Path dir() {
    return dir;
  }

  /**
   * Writes a checkpoint of {@code step}: {@code content} into a partial folder, renamed into place
   * once whole; then TensorFlow's state file, then the checkpoints beyond the newest {@code keep}
   * are deleted.
   *
   * @return the new checkpoint's folder
   * @throws IOException naming what could not be written; the earlier checkpoints stay as they were
   */
  public Path write(long step, int keep, Content content) throws IOException {
    Files.createDirectories(dir);
    String name = freeName(step);
    Path partial = dir.resolve(name + PARTIAL_SUFFIX);
    try (Stream<Path> left = Files.list(dir)) {
      for (Path p :
          left.filter(p -> p.getFileName().toString().endsWith(PARTIAL_SUFFIX)).toList()) {
        deleteTree(p); // a write cut short by a kill
      }
    }
    Path target = dir.resolve(name);
    try {
      Files.createDirectories(partial);
      content.writeTo(partial);
      try {
        Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(partial, target);
      }
    } catch (IOException | RuntimeException e) {
      try {
        deleteTree(partial);
      } catch (IOException cleanup) {
        e.addSuppressed(cleanup);
      }
      throw e;
    }
    List<Path> all = newestFirst();
    for (Path old : all.subList(Math.min(keep, all.size()), all.size())) deleteTree(old);
    writeTfState(all.subList(0, Math.min(keep, all.size())));
    return target;
  }

  /** The complete checkpoint folders, newest (highest step) first. */
  public List<Path> newestFirst() throws IOException {
    if (!Files.isDirectory(dir)) return List.of();
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(Files::isDirectory)
          .filter(p -> NAME.matcher(p.getFileName().toString()).matches())
          .sorted((a, b) -> compare(order(b), order(a)))
          .toList();
    }
  }

  /**
   * Sets an unusable checkpoint aside ({@code <name>.unusable}), so that neither a resume nor the
   * pruning of old checkpoints takes it for a good one.
   */
  public Path setAside(Path checkpoint) throws IOException {
    Path aside = checkpoint.resolveSibling(checkpoint.getFileName() + UNUSABLE_SUFFIX);
    deleteTree(aside);
    Files.move(checkpoint, aside);
    writeTfState(newestFirst());
    return aside;
  }

  /**
   * The newest complete checkpoint folder (bundle and {@code model.json}) under {@code dir},
   * without checking its digests: where a run's trained model is read from.
   */
  public Optional<Path> newestModel() throws IOException {
    return newestFirst().stream().filter(ModelCheckpoint::isCheckpoint).findFirst();
  }

  /** The checkpoint's name relative to the run folder, e.g. {@code checkpoints/ckpt-240}. */
  public static String relative(Path checkpoint) {
    return checkpoint.getParent().getFileName() + "/" + checkpoint.getFileName();
  }

  private String freeName(long step) {
    String base = "ckpt-" + step;
    if (!Files.exists(dir.resolve(base))) return base;
    for (int k = 2; ; k++) {
      if (!Files.exists(dir.resolve(base + "-" + k))) return base + "-" + k;
    }
  }

  /** (step, repeat) of a checkpoint folder name. */
  private static long[] order(Path p) {
    Matcher m = NAME.matcher(p.getFileName().toString());
    if (!m.matches()) throw new IllegalArgumentException(p + " is not a checkpoint name");
    return new long[] {
      Long.parseLong(m.group(1)), m.group(2) == null ? 1 : Long.parseLong(m.group(2))
    };
  }

  private static int compare(long[] a, long[] b) {
    return a[0] != b[0] ? Long.compare(a[0], b[0]) : Long.compare(a[1], b[1]);
  }

  /** TensorFlow's text-format CheckpointState: the newest, then every kept one, oldest first. */
  private void writeTfState(List<Path> newestFirst) throws IOException {
    Path file = dir.resolve(TF_STATE);
    if (newestFirst.isEmpty()) {
      Files.deleteIfExists(file);
      return;
    }
    StringBuilder text = new StringBuilder();
    text.append("model_checkpoint_path: \"").append(prefix(newestFirst.get(0))).append("\"\n");
    List<Path> oldestFirst = new ArrayList<>(newestFirst);
    Collections.reverse(oldestFirst);
    for (Path p : oldestFirst) {
      text.append("all_model_checkpoint_paths: \"").append(prefix(p)).append("\"\n");
    }
    AtomicFile.write(file, text.toString().getBytes(StandardCharsets.UTF_8));
  }

  /** The bundle prefix relative to the checkpoints folder, as TensorFlow's state file holds it. */
  private static String prefix(Path checkpoint) {
    return checkpoint.getFileName() + "/" + ModelCheckpoint.VARIABLES;
  }

  private static void deleteTree(Path p) throws IOException {
    if (!Files.exists(p)) return;
    try (Stream<Path> walk = Files.walk(p)) {
      for (Path f : walk.sorted(Comparator.reverseOrder()).toList()) Files.delete(f);
    }
  }
}

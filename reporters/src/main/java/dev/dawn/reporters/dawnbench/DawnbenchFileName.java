package dev.dawn.reporters.dawnbench;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * What a DAWNBench file's base name ({@code <author>_<model>_<hardware>_<framework>}, the name of a
 * run's {@code .tsv} and {@code .json}) may be: one plain file name, written into the run folder
 * and copied into an entries checkout. The writer ({@link DawnbenchEntry}) holds every entry to it,
 * and a config is held to it when it is loaded, so a run is never refused its files after it
 * trained.
 */
public final class DawnbenchFileName {
  /** The longest file name Linux file systems (ext4, XFS, Btrfs, tmpfs) take, in bytes. */
  static final int NAME_MAX_BYTES = 255;

  /**
   * The longest ending dawn writes after a base name: {@code .json} then an atomic write's {@code
   * .tmp}.
   */
  static final String LONGEST_ENDING = ".json.tmp";

  /**
   * Room a run's base name leaves for the {@code _<precision>-prune<ratio>} of the inference files
   * derived from it ({@code _int8-prune0.25}: 15 bytes).
   */
  static final int VARIANT_ROOM = 16;

  private DawnbenchFileName() {}

  /** Why {@code name} cannot be the base name of a DAWNBench file; empty when it can. */
  public static Optional<String> problem(String name) {
    return problem(name, NAME_MAX_BYTES - LONGEST_ENDING.length());
  }

  /**
   * Why {@code name} cannot be the base name of a training run's files, which inference files later
   * extend by a variant label; empty when it can.
   */
  public static Optional<String> problemOfRun(String name) {
    return problem(name, NAME_MAX_BYTES - LONGEST_ENDING.length() - VARIANT_ROOM);
  }

  private static Optional<String> problem(String name, int maxBytes) {
    if (name == null || name.isBlank()) return Optional.of("must not be empty");
    if (name.contains("/") || name.contains("\\"))
      return Optional.of("must be a plain file name, without '/' or '\\'");
    if (name.startsWith(".")) return Optional.of("must not start with '.'");
    if (name.chars().anyMatch(Character::isISOControl))
      return Optional.of("must not hold control characters");
    int bytes = name.getBytes(StandardCharsets.UTF_8).length;
    if (bytes > maxBytes) {
      return Optional.of(
          "is "
              + bytes
              + " bytes long; at most "
              + maxBytes
              + " fit a file name with the endings dawn adds");
    }
    return Optional.empty();
  }
}

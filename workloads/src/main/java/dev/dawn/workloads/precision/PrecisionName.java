package dev.dawn.workloads.precision;

import java.util.Arrays;
import java.util.stream.Collectors;

/** A precision as configs, flags and run records name it; the one lookup of such a name. */
public interface PrecisionName {
  /** The name in configs, flags, run records and file names, e.g. {@code fp32}. */
  String configName();

  /**
   * @throws IllegalArgumentException naming the allowed values
   */
  static <E extends Enum<E> & PrecisionName> E parse(Class<E> type, String name) {
    for (E p : type.getEnumConstants()) {
      if (p.configName().equals(name)) {
        return p;
      }
    }
    throw new IllegalArgumentException(
        "precision must be one of " + allowedNames(type) + ", got '" + name + "'");
  }

  /** e.g. {@code [fp32, bf16, int8]}. */
  static <E extends Enum<E> & PrecisionName> String allowedNames(Class<E> type) {
    return Arrays.stream(type.getEnumConstants())
        .map(PrecisionName::configName)
        .collect(Collectors.joining(", ", "[", "]"));
  }
}

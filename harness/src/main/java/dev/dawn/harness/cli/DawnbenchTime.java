package dev.dawn.harness.cli;

import java.util.Locale;

/** DAWNBench's display of a training time: whole seconds rounded up, H:MM:SS with the hour unpadded. */
final class DawnbenchTime {
  private DawnbenchTime() {}

  static String format(double hours) {
    long seconds = (long) Math.ceil(hours * 3600 - 1e-9);
    return String.format(Locale.ROOT, "%d:%02d:%02d", seconds / 3600, (seconds / 60) % 60, seconds % 60);
  }
}

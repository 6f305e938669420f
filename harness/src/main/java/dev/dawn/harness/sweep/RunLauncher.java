package dev.dawn.harness.sweep;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** Runs one {@code dawn train} of a sweep. */
@FunctionalInterface
public interface RunLauncher {
  /**
   * @param trainArgs the arguments after {@code train} ({@code --config ... --set ... --results
   *     ...})
   * @param log where the run's console output goes
   * @return the {@code dawn train} exit status
   */
  int train(List<String> trainArgs, Path log) throws IOException, InterruptedException;
}

package dev.dawn.harness.run;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The command line of a child {@code dawn} JVM: this JVM's java, class path and memory options, so
 * the child runs the same build with the same heap settings.
 */
public final class ChildJvm {
  private ChildJvm() {}

  /**
   * @param mainClass the {@code dawn} command's main class
   * @param args the {@code dawn} arguments, subcommand first (e.g. {@code train --config ...})
   */
  public static List<String> command(String mainClass, List<String> args) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    for (String arg : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
      // memory and VM settings carry over; debugger and agent options would clash in a second JVM
      if (arg.startsWith("-Xm") || arg.startsWith("-Xss") || arg.startsWith("-XX:"))
        command.add(arg);
    }
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(mainClass);
    command.addAll(args);
    return command;
  }
}

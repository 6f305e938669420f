package dev.dawn.harness.cluster.netns;

import java.util.ArrayList;
import java.util.List;

/**
 * A Linux network namespace of dawn's own: a network stack with nothing in it but loopback, so a
 * port opened inside can be reached only by processes inside. Made per use and torn down by {@link
 * #close()} (on every exit path: {@link NamespaceTeardown} closes what is still open when the JVM
 * is stopped by a signal).
 */
public interface NetworkNamespace extends AutoCloseable {
  /** How the namespace is known, for messages: e.g. {@code dawn-812-1}. */
  String name();

  /**
   * What runs a command inside this namespace when put in front of it: a tool that enters the
   * namespace and then becomes the command (no shell, no fork, so signals reach the command
   * itself).
   */
  List<String> prefix();

  /** The command line that runs {@code command} inside this namespace. */
  default List<String> enter(List<String> command) {
    List<String> full = new ArrayList<>(prefix());
    full.addAll(command);
    return full;
  }

  /** Tears the namespace down; idempotent, never throws (a failure is left for the next reap). */
  @Override
  void close();
}

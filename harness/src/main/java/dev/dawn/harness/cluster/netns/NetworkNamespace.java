package dev.dawn.harness.cluster.netns;

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
   * The command line that runs {@code command} inside this namespace (the same process: no shell,
   * no fork, so signals reach the command itself).
   */
  List<String> enter(List<String> command);

  /** Tears the namespace down; idempotent, never throws (a failure is left for the next reap). */
  @Override
  void close();
}

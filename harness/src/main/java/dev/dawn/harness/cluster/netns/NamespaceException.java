package dev.dawn.harness.cluster.netns;

/**
 * A namespace operation that failed: the message is one line naming the command and what the tool
 * said, e.g. {@code ip netns add dawn-812-1: mount --make-shared /run/netns failed: Operation not
 * permitted}.
 */
public final class NamespaceException extends Exception {
  public NamespaceException(String message) {
    super(message);
  }
}

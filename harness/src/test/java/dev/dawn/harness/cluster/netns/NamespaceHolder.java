package dev.dawn.harness.cluster.netns;

/**
 * A child JVM for teardown tests: makes a private network namespace, prints its name, and waits (at
 * most ARG seconds) to be stopped by a signal.
 */
public final class NamespaceHolder {
  private NamespaceHolder() {}

  public static void main(String[] args) throws Exception {
    NetworkNamespace ns = PrivateNetwork.open();
    System.out.println("namespace " + ns.name());
    System.out.flush();
    Thread.sleep(Long.parseLong(args[0]) * 1000);
    ns.close();
  }
}

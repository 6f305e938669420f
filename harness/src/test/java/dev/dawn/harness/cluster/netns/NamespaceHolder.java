package dev.dawn.harness.cluster.netns;

/**
 * A child JVM for teardown tests: makes a private network namespace (or, with a second argument
 * {@code emulated}, an emulated network of two workers at 100mbit), prints its name, and waits (at
 * most ARG seconds) to be stopped by a signal.
 */
public final class NamespaceHolder {
  private NamespaceHolder() {}

  public static void main(String[] args) throws Exception {
    AutoCloseable made;
    if (args.length > 1 && args[1].equals("emulated")) {
      EmulatedNetwork network = EmulatedNetwork.open(2, 100_000_000L);
      System.out.println("namespace " + network.name());
      made = network;
    } else {
      NetworkNamespace ns = PrivateNetwork.open();
      System.out.println("namespace " + ns.name());
      made = ns;
    }
    System.out.flush();
    Thread.sleep(Long.parseLong(args[0]) * 1000);
    made.close();
  }
}

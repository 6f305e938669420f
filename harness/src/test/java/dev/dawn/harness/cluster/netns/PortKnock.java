package dev.dawn.harness.cluster.netns;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;

/** A child process for namespace tests: prints "open" or "closed" for HOST:PORT (1 s limit). */
public final class PortKnock {
  private PortKnock() {}

  public static void main(String[] args) {
    System.out.println(open(args[0], Integer.parseInt(args[1])) ? "open" : "closed");
  }

  static boolean open(String host, int port) {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress(host, port), 1000);
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}

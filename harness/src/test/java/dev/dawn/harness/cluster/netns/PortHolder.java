package dev.dawn.harness.cluster.netns;

import java.net.InetAddress;
import java.net.ServerSocket;

/**
 * A child process for namespace tests: listens on 127.0.0.1:PORT, prints "listening", and holds the
 * port until killed (at most ARG 2 seconds, so a forgotten one ends by itself).
 */
public final class PortHolder {
  private PortHolder() {}

  public static void main(String[] args) throws Exception {
    int port = Integer.parseInt(args[0]);
    long seconds = Long.parseLong(args[1]);
    try (ServerSocket socket = new ServerSocket(port, 50, InetAddress.getLoopbackAddress())) {
      System.out.println("listening");
      System.out.flush();
      Thread.sleep(seconds * 1000);
    }
  }
}

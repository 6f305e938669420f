package dev.dawn.harness.cluster;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;

/**
 * Loopback ports nobody listens on, for the workers of a local cluster. All sockets are held open
 * until every port is chosen, so the ports differ; another program may still take one before its
 * worker binds it, which that worker then reports as a port it cannot bind.
 */
final class FreePorts {
  private FreePorts() {}

  static List<Integer> pick(int count) throws IOException {
    List<ServerSocket> held = new ArrayList<>();
    try {
      List<Integer> ports = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        held.add(socket);
        ports.add(socket.getLocalPort());
      }
      return ports;
    } finally {
      for (ServerSocket s : held) s.close();
    }
  }
}

package dev.dawn.harness.cluster;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Which workers of a cluster still accept connections: after a collective failed, a short TCP
 * connect to each other task's {@code host:port} tells a worker that died (nothing listens) from a
 * slow one, so the error can name the missing task. Bounded: at most {@code timeout} per task.
 */
public final class PeerProbe {
  private PeerProbe() {}

  /** The tasks other than {@code self} that refuse or time out a connection, in task order. */
  public static List<Integer> unreachable(List<String> workers, int self, Duration timeout) {
    List<Integer> lost = new ArrayList<>();
    for (int task = 0; task < workers.size(); task++) {
      if (task != self && !answers(workers.get(task), timeout)) lost.add(task);
    }
    return lost;
  }

  static boolean answers(String address, Duration timeout) {
    int colon = address.lastIndexOf(':');
    String host = address.substring(0, colon);
    if (host.startsWith("[") && host.endsWith("]")) host = host.substring(1, host.length() - 1);
    try (Socket s = new Socket()) {
      s.connect(
          new InetSocketAddress(host, Integer.parseInt(address.substring(colon + 1))),
          (int) timeout.toMillis());
      return true;
    } catch (IOException | IllegalArgumentException e) {
      return false;
    }
  }
}

package dev.dawn.harness.cluster.netns;

import java.io.DataOutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;

/**
 * A child process for link tests: sends BYTES bytes to a {@link ByteSink} at HOST:PORT and prints
 * the milliseconds from the first byte written to the sink's answer, when every byte has crossed
 * the link: {@code sent <bytes> in <ms> ms}. Without the answer within ARG 4 seconds (default 120)
 * it fails: a connection alone does not prove the sink was reached (a transparent proxy on the
 * machine's own network may accept any connection).
 */
public final class ByteSource {
  private ByteSource() {}

  public static void main(String[] args) throws Exception {
    long bytes = Long.parseLong(args[2]);
    try (Socket s = new Socket()) {
      int timeoutMs = (args.length > 3 ? Integer.parseInt(args[3]) : 120) * 1000;
      s.connect(new InetSocketAddress(args[0], Integer.parseInt(args[1])), timeoutMs);
      s.setSoTimeout(timeoutMs);
      DataOutputStream out = new DataOutputStream(s.getOutputStream());
      byte[] buffer = new byte[1 << 16];
      long start = System.nanoTime();
      out.writeLong(bytes);
      for (long left = bytes; left > 0; left -= buffer.length) {
        out.write(buffer, 0, (int) Math.min(buffer.length, left));
      }
      out.flush();
      if (s.getInputStream().read() != 1) throw new IllegalStateException("no answer");
      System.out.println(
          "sent " + bytes + " in " + (System.nanoTime() - start) / 1_000_000 + " ms");
    }
  }
}

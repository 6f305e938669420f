package dev.dawn.harness.cluster.netns;

import java.io.DataInputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;

/**
 * A child process for link tests: listens on PORT at every address of its namespace, prints
 * "listening", then for one connection reads a length (8 bytes) and that many bytes and answers
 * with one byte; it ends after that connection, or after ARG 2 seconds at most.
 */
public final class ByteSink {
  private ByteSink() {}

  public static void main(String[] args) throws Exception {
    int port = Integer.parseInt(args[0]);
    try (ServerSocket server = new ServerSocket(port)) {
      server.setSoTimeout(Integer.parseInt(args[1]) * 1000);
      System.out.println("listening");
      System.out.flush();
      try (Socket s = server.accept()) {
        DataInputStream in = new DataInputStream(s.getInputStream());
        long left = in.readLong();
        byte[] buffer = new byte[1 << 16];
        while (left > 0) {
          int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
          if (n < 0) throw new IllegalStateException(left + " bytes missing");
          left -= n;
        }
        OutputStream out = s.getOutputStream();
        out.write(1);
        out.flush();
      }
    }
  }
}

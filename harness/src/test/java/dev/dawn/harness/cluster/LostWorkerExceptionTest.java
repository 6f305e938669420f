package dev.dawn.harness.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import org.junit.jupiter.api.Test;

class LostWorkerExceptionTest {
  @Test
  void namesTheTaskThatNoLongerAcceptsConnections() throws Exception {
    int closedPort;
    try (ServerSocket gone = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = gone.getLocalPort();
    }
    try (ServerSocket alive = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      List<String> workers =
          List.of(
              "127.0.0.1:" + alive.getLocalPort(),
              "127.0.0.1:" + closedPort,
              "127.0.0.1:" + alive.getLocalPort());
      var e =
          LostWorkerException.after(
              new RuntimeException("DeadlineExceeded: collective timed out"), workers, 0, 60);
      assertThat(e.getMessage())
          .isEqualTo(
              "worker task 1 (127.0.0.1:"
                  + closedPort
                  + ") stopped answering; collectives failed within the 60 s timeout");
      assertThat(e.toString()).isEqualTo(e.getMessage());
    }
  }

  @Test
  void whenEveryWorkerAnswersTheCollectiveErrorIsKept() throws Exception {
    try (ServerSocket alive = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      String a = "127.0.0.1:" + alive.getLocalPort();
      var e =
          LostWorkerException.after(
              new RuntimeException("Cancelled: group mismatch"), List.of(a, a), 1, 5);
      assertThat(e.getMessage())
          .isEqualTo(
              "a collective with the other workers failed within the 5 s timeout while every"
                  + " worker still accepts connections: Cancelled: group mismatch");
    }
  }
}

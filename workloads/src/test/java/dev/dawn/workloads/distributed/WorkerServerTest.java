package dev.dawn.workloads.distributed;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tensorflow.proto.ConfigProto;

/** Starting servers is left to the multi-worker tests (a JVM hosts one task for life). */
class WorkerServerTest {
  @Test
  void aPortInUseIsNamedWithTheTask() throws Exception {
    try (ServerSocket taken = new ServerSocket()) {
      taken.bind(new InetSocketAddress("127.0.0.1", 0));
      String address = "127.0.0.1:" + taken.getLocalPort();
      Cluster cluster = new Cluster(List.of("127.0.0.1:1", address), 1);
      assertThatThrownBy(() -> WorkerServer.checkPortFree(cluster))
          .isInstanceOf(WorkerPortException.class)
          .hasMessage("worker task 1 cannot listen on " + address + ": address already in use");
    }
  }

  @Test
  void oneProcessNeedsNoServer() {
    assertThatThrownBy(
            () -> WorkerServer.ensureStarted(Cluster.LOCAL, ConfigProto.getDefaultInstance()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("several workers");
  }
}

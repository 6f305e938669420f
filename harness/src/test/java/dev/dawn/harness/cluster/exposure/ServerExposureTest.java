package dev.dawn.harness.cluster.exposure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dawn.workloads.distributed.Cluster;
import java.net.InetAddress;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ServerExposureTest {
  private static ReachableAddress at(String address, String source) throws Exception {
    return ReachableAddress.of(InetAddress.getByName(address), source);
  }

  @Test
  void aPublicAddressOfTheHostIsRefusedInOneLineUnlessAllowed() throws Exception {
    var exposure =
        new ServerExposure(
            List.of(2222),
            List.of(at("127.0.0.1", "lo"), at("10.0.0.5", "eth0"), at("8.8.4.4", "eth1")),
            List.of(at("10.0.0.5", "10.0.0.5:2222")),
            List.of());
    assertThat(exposure.refusal("worker task 0's server", false))
        .hasValueSatisfying(
            line ->
                assertThat(line)
                    .startsWith(
                        "worker task 0's server would be reachable on public address 8.8.4.4"
                            + " (eth1, public), and TensorFlow's gRPC server runs any op for anyone"
                            + " who reaches it")
                    .contains("distributed.allowPublicAddresses: true")
                    .contains("to port 2222")
                    .doesNotContain("\n"));
    assertThat(exposure.refusal("worker task 0's server", true)).isEmpty();
  }

  @Test
  void privateLoopbackAndReservedAddressesAreStatedNotRefused() throws Exception {
    var exposure =
        new ServerExposure(
            List.of(41234, 41235),
            List.of(at("127.0.0.1", "lo"), at("192.0.2.2", "eth0"), at("fd00::2", "eth0")),
            List.of(),
            List.of());
    assertThat(exposure.refusal("the workers' servers", false)).isEmpty();
    assertThat(exposure.statement("the workers' servers"))
        .isEqualTo(
            "the workers' servers will answer on ports 41234, 41235 at every address of this host:"
                + " 127.0.0.1 (lo, loopback), 192.0.2.2 (eth0, reserved), fd00::2 (eth0, private);"
                + " TensorFlow's gRPC server runs any op for anyone who reaches it (reading and"
                + " writing files as this user)");
  }

  @Test
  void aPublicAddressInTheWorkerListIsFoundWithoutDns() {
    var exposure = ServerExposure.of(new Cluster(List.of("127.0.0.1:2222", "8.8.8.8:2222"), 0));
    assertThat(exposure.ports()).containsExactly(2222);
    assertThat(exposure.publicAddresses())
        .extracting(ReachableAddress::toString)
        .contains("8.8.8.8 (8.8.8.8:2222, public)");
    assertThat(exposure.onHost()).as("this host's interfaces").isNotEmpty();
    @SuppressWarnings("unchecked")
    var listed = (List<Map<String, Object>>) exposure.environment().get("workerAddresses");
    assertThat(listed)
        .contains(Map.of("address", "8.8.8.8", "source", "8.8.8.8:2222", "scope", "public"));
  }
}

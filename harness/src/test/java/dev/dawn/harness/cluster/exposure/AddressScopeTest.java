package dev.dawn.harness.cluster.exposure;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AddressScopeTest {
  @ParameterizedTest
  @CsvSource({
    "127.0.0.1, LOOPBACK",
    "127.255.0.9, LOOPBACK",
    "::1, LOOPBACK",
    "169.254.10.1, LINK_LOCAL",
    "fe80::fc:ff:fe00:1, LINK_LOCAL",
    "10.1.2.3, PRIVATE",
    "172.16.0.1, PRIVATE",
    "172.31.255.255, PRIVATE",
    "192.168.1.20, PRIVATE",
    "100.64.0.1, PRIVATE",
    "100.127.255.1, PRIVATE",
    "fd00::2, PRIVATE",
    "fc12:3456::1, PRIVATE",
    "0.0.0.0, RESERVED",
    "192.0.2.2, RESERVED",
    "198.51.100.7, RESERVED",
    "203.0.113.9, RESERVED",
    "198.18.0.1, RESERVED",
    "224.0.0.1, RESERVED",
    "240.0.0.1, RESERVED",
    "2001:db8::1, RESERVED",
    "::, RESERVED",
    "ff02::1, RESERVED",
    "8.8.8.8, PUBLIC",
    "172.32.0.1, PUBLIC",
    "100.128.0.1, PUBLIC",
    "192.0.3.1, PUBLIC",
    "11.0.0.1, PUBLIC",
    "2606:4700::1111, PUBLIC",
    "::ffff:8.8.8.8, PUBLIC",
    "::ffff:10.0.0.1, PRIVATE"
  })
  void scopes(String address, AddressScope scope) throws Exception {
    assertThat(AddressScope.of(InetAddress.getByName(address))).isEqualTo(scope);
  }

  @ParameterizedTest
  @CsvSource({
    "0:0:0:0:0:0:0:1, ::1",
    "fe80:0:0:0:fc:ff:fe00:1, fe80::fc:ff:fe00:1",
    "fd00:0:0:0:0:0:0:2, fd00::2",
    "1:0:0:1:0:0:0:1, 1:0:0:1::1",
    "1:0:1:0:1:0:1:0, 1:0:1:0:1:0:1:0",
    "2001:db8:0:0:1:0:0:1, 2001:db8::1:0:0:1",
    "0:0:0:0:0:0:0:0, ::",
    "1:0:0:0:0:0:0:0, 1::",
    "192.168.1.20, 192.168.1.20"
  })
  void addressesAreWrittenInTheirShortForm(String address, String text) throws Exception {
    assertThat(ReachableAddress.of(InetAddress.getByName(address), "eth0").text()).isEqualTo(text);
  }
}

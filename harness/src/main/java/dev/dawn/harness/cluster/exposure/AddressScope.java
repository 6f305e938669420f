package dev.dawn.harness.cluster.exposure;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;

/**
 * Who can reach an address: the rows of IANA's IPv4 and IPv6 special-purpose address registries
 * that an interface can hold, and everything else, which is globally reachable ({@link #PUBLIC}). A
 * worker's server is refused on a public address unless the config allows it; every other scope is
 * reachable only from this host, its link or a private network.
 */
public enum AddressScope {
  /** 127.0.0.0/8, ::1: this host only. */
  LOOPBACK("loopback"),
  /** 169.254.0.0/16, fe80::/10: the local link only. */
  LINK_LOCAL("link-local"),
  /**
   * 10/8, 172.16/12, 192.168/16 (RFC 1918), 100.64/10 (shared, RFC 6598), fc00::/7 (unique local,
   * RFC 4193) and the deprecated site-local fec0::/10: private networks.
   */
  PRIVATE("private"),
  /**
   * Not globally reachable by IANA's registries, though not private either: 0/8, 192.0.0/24, the
   * documentation ranges (192.0.2/24, 198.51.100/24, 203.0.113/24, 2001:db8::/32), 198.18/15
   * (benchmarking), 240/4, multicast, and IPv6 outside global unicast 2000::/3.
   */
  RESERVED("reserved"),
  /** Anything else: reachable from the internet unless a firewall says otherwise. */
  PUBLIC("public");

  /** As printed and written to environment.json. */
  public final String word;

  AddressScope(String word) {
    this.word = word;
  }

  public static AddressScope of(InetAddress address) {
    if (address instanceof Inet4Address v4) return ofV4(v4.getAddress());
    byte[] b = address.getAddress();
    if (address instanceof Inet6Address && isV4Mapped(b)) {
      return ofV4(new byte[] {b[12], b[13], b[14], b[15]});
    }
    return ofV6(b);
  }

  private static AddressScope ofV4(byte[] b) {
    int a0 = b[0] & 0xff;
    int a1 = b[1] & 0xff;
    int a2 = b[2] & 0xff;
    if (a0 == 127) return LOOPBACK;
    if (a0 == 169 && a1 == 254) return LINK_LOCAL;
    if (a0 == 10 || (a0 == 172 && a1 >= 16 && a1 <= 31) || (a0 == 192 && a1 == 168)) return PRIVATE;
    if (a0 == 100 && a1 >= 64 && a1 <= 127) return PRIVATE;
    if (a0 == 0
        || (a0 == 192 && a1 == 0 && (a2 == 0 || a2 == 2))
        || (a0 == 198 && (a1 == 18 || a1 == 19))
        || (a0 == 198 && a1 == 51 && a2 == 100)
        || (a0 == 203 && a1 == 0 && a2 == 113)
        || a0 >= 224) return RESERVED;
    return PUBLIC;
  }

  private static AddressScope ofV6(byte[] b) {
    boolean zeroTo14 = true;
    for (int i = 0; i < 15; i++) zeroTo14 &= b[i] == 0;
    if (zeroTo14 && b[15] == 1) return LOOPBACK;
    if (zeroTo14 && b[15] == 0) return RESERVED;
    int b0 = b[0] & 0xff;
    int b1 = b[1] & 0xff;
    if (b0 == 0xfe && (b1 & 0xc0) == 0x80) return LINK_LOCAL;
    if ((b0 & 0xfe) == 0xfc || (b0 == 0xfe && (b1 & 0xc0) == 0xc0)) return PRIVATE;
    // Global unicast is 2000::/3; the rest of the space is multicast or unassigned.
    if ((b0 & 0xe0) != 0x20) return RESERVED;
    if (b0 == 0x20 && b1 == 0x01 && (b[2] & 0xff) == 0x0d && (b[3] & 0xff) == 0xb8) return RESERVED;
    return PUBLIC;
  }

  private static boolean isV4Mapped(byte[] b) {
    for (int i = 0; i < 10; i++) if (b[i] != 0) return false;
    return (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
  }
}

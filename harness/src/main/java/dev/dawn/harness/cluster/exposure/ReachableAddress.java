package dev.dawn.harness.cluster.exposure;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One address a server can be reached on, where it comes from and who can reach it.
 *
 * @param address the address
 * @param source the interface that holds it (e.g. {@code eth0}), or the {@code host:port} of the
 *     worker list it was resolved from
 */
public record ReachableAddress(InetAddress address, String source, AddressScope scope) {
  public static ReachableAddress of(InetAddress address, String source) {
    return new ReachableAddress(address, source, AddressScope.of(address));
  }

  /**
   * The address as people write it: IPv4 dotted, IPv6 in its short form ({@code ::1}, {@code
   * fe80::fc:ff:fe00:1}, RFC 5952) without a zone.
   */
  public String text() {
    if (!(address instanceof Inet6Address)) return address.getHostAddress();
    byte[] b = address.getAddress();
    int[] groups = new int[8];
    for (int i = 0; i < 8; i++) groups[i] = ((b[2 * i] & 0xff) << 8) | (b[2 * i + 1] & 0xff);
    int bestStart = -1;
    int bestLength = 1; // a single zero group stays written out
    for (int i = 0; i < 8; ) {
      int j = i;
      while (j < 8 && groups[j] == 0) j++;
      if (j - i > bestLength) {
        bestStart = i;
        bestLength = j - i;
      }
      i = j == i ? i + 1 : j;
    }
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < 8; i++) {
      if (i == bestStart) {
        out.append("::");
        i += bestLength - 1;
        continue;
      }
      if (out.length() > 0 && out.charAt(out.length() - 1) != ':') out.append(':');
      out.append(Integer.toHexString(groups[i]));
    }
    return out.toString();
  }

  /** E.g. {@code 192.168.1.20 (eth0, private)}. */
  @Override
  public String toString() {
    return text() + " (" + source + ", " + scope.word + ")";
  }

  /** For environment.json. */
  public Map<String, Object> environment() {
    Map<String, Object> env = new LinkedHashMap<>();
    env.put("address", text());
    env.put("source", source);
    env.put("scope", scope.word);
    return env;
  }
}

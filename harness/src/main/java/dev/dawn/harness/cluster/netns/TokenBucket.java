package dev.dawn.harness.cluster.netns;

import java.util.List;

/**
 * The rate cap on one side of a link: Linux's token bucket filter ({@code tc qdisc ... tbf}). It
 * sends at most {@code bitsPerSecond}, counting each frame's Ethernet, IP and TCP headers, as a
 * network card of that speed would.
 *
 * <ul>
 *   <li>The bucket holds one millisecond at the rate, and at least two full frames, so that a frame
 *       always fits and a transfer of {@code S} bytes takes at least {@code (S - burst) / rate}.
 *   <li>The queue holds {@link #LIMIT_BYTES}: more than every sender on the link can have waiting
 *       (a TCP connection queues at most {@code net.ipv4.tcp_limit_output_bytes}, 1 to 4 MiB on
 *       current kernels, in front of its device), so the cap delays and never drops. A drop would
 *       cost a retransmission timeout (200 ms at least), which a network card's own backpressure
 *       never causes.
 * </ul>
 *
 * @param bitsPerSecond the rate, frame headers included
 */
record TokenBucket(long bitsPerSecond) {
  /** A full Ethernet frame at the default MTU of 1500 bytes, header included (no checksum). */
  static final int FRAME_BYTES = 1514;

  static final long LIMIT_BYTES = 64L << 20;

  TokenBucket {
    if (bitsPerSecond <= 0) throw new IllegalArgumentException("a rate must be > 0 bit/s");
  }

  /** Bytes the bucket holds: one millisecond at the rate, at least two full frames. */
  long burstBytes() {
    return Math.max(2L * FRAME_BYTES, bitsPerSecond / 8 / 1000);
  }

  /** The {@code tc} arguments that put this cap on {@code device} (as its root qdisc). */
  List<String> tcArguments(String device) {
    return List.of(
        "qdisc",
        "add",
        "dev",
        device,
        "root",
        "tbf",
        "rate",
        bitsPerSecond + "bit",
        "burst",
        Long.toString(burstBytes()),
        "limit",
        Long.toString(LIMIT_BYTES));
  }
}

package dev.dawn.harness.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code distributed.network}: how {@code dawn launch} joins the workers it starts on one machine.
 * {@code loopback}: all of them in one private network namespace, talking over loopback (no rate
 * limit, about a third of a millisecond per message). A rate such as {@code 100mbit} or {@code
 * 1gbit}: each worker in a namespace of its own with its own address, linked to the others through
 * a switch by a link capped at that rate in each direction, so that gradients cross a real TCP path
 * of a chosen bandwidth. Rates are bits per second with tc's 1000-based units ({@code kbit}, {@code
 * mbit}, {@code gbit}).
 *
 * @param bitsPerSecond the cap; 0 for loopback
 */
public record WorkerLink(long bitsPerSecond) {
  public static final WorkerLink LOOPBACK = new WorkerLink(0);

  /** The lowest cap: below it one step's gradients of even a small model take minutes. */
  public static final long MIN_BITS_PER_SECOND = 1_000_000L;

  /**
   * The highest cap: a veth link carries some tens of Gbit/s at most on current CPUs, so a higher
   * cap would cap nothing.
   */
  public static final long MAX_BITS_PER_SECOND = 100_000_000_000L;

  static final String RULE =
      "must be 'loopback' or a rate in bits per second from 1mbit to 100gbit, e.g. 50mbit, 1gbit,"
          + " 2500kbit (tc's units, 1000-based; tc reads 'mbps' as megabytes per second, so it is not"
          + " taken)";

  private static final Pattern RATE =
      Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(bit|kbit|mbit|gbit)", Pattern.CASE_INSENSITIVE);

  private static final String[] UNITS = {"gbit", "mbit", "kbit"};
  private static final long[] FACTORS = {1_000_000_000L, 1_000_000L, 1_000L};

  public WorkerLink {
    if (bitsPerSecond != 0
        && (bitsPerSecond < MIN_BITS_PER_SECOND || bitsPerSecond > MAX_BITS_PER_SECOND)) {
      throw new IllegalArgumentException(RULE + ", got " + bitsPerSecond + "bit");
    }
  }

  /** From YAML or a flag: {@code loopback} or a rate such as {@code 50mbit}. */
  @JsonCreator
  public static WorkerLink of(Object value) {
    String v = String.valueOf(value).trim();
    if (v.equalsIgnoreCase("loopback")) return LOOPBACK;
    Matcher m = RATE.matcher(v);
    if (m.matches()) {
      BigDecimal bits = new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(factor(m.group(2))));
      if (bits.stripTrailingZeros().scale() <= 0
          && bits.compareTo(BigDecimal.valueOf(MIN_BITS_PER_SECOND)) >= 0
          && bits.compareTo(BigDecimal.valueOf(MAX_BITS_PER_SECOND)) <= 0) {
        return new WorkerLink(bits.longValueExact());
      }
    }
    throw new IllegalArgumentException(RULE + ", got '" + v + "'");
  }

  public boolean isLoopback() {
    return bitsPerSecond == 0;
  }

  /** Bytes per second the cap lets through (frame headers included). */
  public double bytesPerSecond() {
    return bitsPerSecond / 8.0;
  }

  /** {@code loopback}, or the rate in the largest unit that writes it whole: {@code 50mbit}. */
  @JsonValue
  @Override
  public String toString() {
    if (isLoopback()) return "loopback";
    for (int i = 0; i < UNITS.length; i++) {
      if (bitsPerSecond % FACTORS[i] == 0) return bitsPerSecond / FACTORS[i] + UNITS[i];
    }
    return bitsPerSecond + "bit";
  }

  private static long factor(String unit) {
    return switch (unit.toLowerCase(Locale.ROOT)) {
      case "gbit" -> 1_000_000_000L;
      case "mbit" -> 1_000_000L;
      case "kbit" -> 1_000L;
      default -> 1L;
    };
  }
}

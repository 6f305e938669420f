package dev.dawn.harness.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code distributed.network}: loopback by default, a rate in tc's 1000-based bit units written
 * back in the largest unit that keeps it whole, and anything else (bytes per second, no unit, out
 * of range) refused naming the key and the forms it takes.
 */
class WorkerLinkTest {
  private final ConfigLoader loader = new ConfigLoader();

  @Test
  void ratesReadInBitsPerSecondAndWriteBackInTheirLargestWholeUnit() {
    assertThat(WorkerLink.of("loopback").isLoopback()).isTrue();
    assertThat(WorkerLink.of("50mbit").bitsPerSecond()).isEqualTo(50_000_000L);
    assertThat(WorkerLink.of("1GBit").bitsPerSecond()).isEqualTo(1_000_000_000L);
    assertThat(WorkerLink.of("2.5gbit")).hasToString("2500mbit");
    assertThat(WorkerLink.of("1500kbit")).hasToString("1500kbit");
    assertThat(WorkerLink.of("1000mbit")).hasToString("1gbit");
    assertThat(WorkerLink.of("200mbit").bytesPerSecond()).isEqualTo(25_000_000.0);
  }

  @Test
  void theConfigKeyIsLoopbackByDefaultAndTakesARate() {
    assertThat(loader.load("", "a.yaml", List.of()).config().distributed().network())
        .isEqualTo(WorkerLink.LOOPBACK);
    var loaded = loader.load("distributed:\n  network: 200mbit\n", "a.yaml", List.of());
    assertThat(loaded.config().distributed().network().bitsPerSecond()).isEqualTo(200_000_000L);
    assertThat(loaded.tree().at("/distributed/network").asText()).isEqualTo("200mbit");
  }

  @Test
  void bytesPerSecondMissingUnitsAndRatesOutOfRangeAreRefusedNamingTheKey() {
    for (String bad : List.of("100mbps", "100", "fast", "0mbit", "500kbit", "101gbit", "1.5bit")) {
      assertThatThrownBy(
              () -> loader.load("distributed:\n  network: " + bad + "\n", "n.yaml", List.of()))
          .as(bad)
          .isInstanceOf(ConfigException.class)
          .hasMessageContaining("n.yaml:2: key 'distributed.network' must be 'loopback' or a rate")
          .hasMessageContaining("tc reads 'mbps' as megabytes per second");
    }
  }
}

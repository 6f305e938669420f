package dev.dawn.workloads.data;

/**
 * SplitMix64 finaliser: turns structured keys (seed, split, class, index, epoch) into independent
 * RNG seeds.
 */
final class SeedMixer {
  private SeedMixer() {}

  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  static long derive(long seed, long... keys) {
    long h = mix(seed + 0x9E3779B97F4A7C15L);
    for (long k : keys) {
      h = mix(h ^ mix(k + 0x632BE59BD9B4E019L));
    }
    return h;
  }
}

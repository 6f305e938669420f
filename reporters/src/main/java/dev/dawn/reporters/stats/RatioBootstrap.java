package dev.dawn.reporters.stats;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The ratio of two samples' medians with a percentile bootstrap confidence interval: each resample draws both samples
 * again with replacement (independently, same sizes) and takes the ratio of their medians; the interval is the
 * central {@code level} share of those ratios. The random stream is seeded, so the same samples always give the same
 * interval.
 *
 * <p>Infinite values (runs that never reached the target, counted as infinitely slow) take part: a median of
 * infinity over a finite one gives an infinite ratio, a finite one over infinity gives 0, and infinity over infinity
 * gives 1 (neither side got there: no difference).
 *
 * @param ratio     median(numerator) / median(denominator) of the samples as given
 * @param low       lower bound of the interval
 * @param high      upper bound of the interval
 * @param level     confidence level, e.g. 0.95
 * @param resamples number of bootstrap resamples
 * @param seed      seed of the resampling stream
 */
public record RatioBootstrap(double ratio, double low, double high, double level, int resamples, long seed) {
    public static final int DEFAULT_RESAMPLES = 10_000;
    /** Fixed so that a comparison printed twice prints the same interval. */
    public static final long DEFAULT_SEED = 13L;

    /** 95% interval, {@value #DEFAULT_RESAMPLES} resamples, seed {@value #DEFAULT_SEED}. */
    public static RatioBootstrap ofMedians(double[] numerator, double[] denominator) {
        return ofMedians(numerator, denominator, 0.95, DEFAULT_RESAMPLES, DEFAULT_SEED);
    }

    public static RatioBootstrap ofMedians(double[] numerator, double[] denominator, double level, int resamples,
                                           long seed) {
        if (numerator.length == 0 || denominator.length == 0) {
            throw new IllegalArgumentException("a ratio of medians needs at least one value on each side");
        }
        if (!(level > 0 && level < 1) || resamples < 1) {
            throw new IllegalArgumentException("level must be in (0, 1) and resamples at least 1");
        }
        SplittableRandom random = new SplittableRandom(seed);
        double[] ratios = new double[resamples];
        double[] num = new double[numerator.length];
        double[] den = new double[denominator.length];
        for (int r = 0; r < resamples; r++) {
            draw(numerator, num, random);
            draw(denominator, den, random);
            ratios[r] = ratio(median(num), median(den));
        }
        Arrays.sort(ratios);
        double tail = (1 - level) / 2;
        return new RatioBootstrap(ratio(median(numerator), median(denominator)), quantile(ratios, tail),
                quantile(ratios, 1 - tail), level, resamples, seed);
    }

    /** True when the interval holds 1, i.e. the data do not rule out "no difference". */
    public boolean containsOne() {
        return low <= 1 && 1 <= high;
    }

    /** The median; the mean of the two middle values for an even count. */
    public static double median(double[] values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("the median of no values");
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int mid = sorted.length / 2;
        if (sorted.length % 2 == 1) {
            return sorted[mid];
        }
        double a = sorted[mid - 1];
        double b = sorted[mid];
        return a == b ? a : a / 2 + b / 2; // a == b keeps infinity out of inf - inf
    }

    static double ratio(double num, double den) {
        if (Double.isInfinite(num) && Double.isInfinite(den)) {
            return 1;
        }
        return num / den;
    }

    private static void draw(double[] from, double[] into, SplittableRandom random) {
        for (int i = 0; i < into.length; i++) {
            into[i] = from[random.nextInt(from.length)];
        }
    }

    /** Linear interpolation between order statistics (the "type 7" quantile of R and NumPy). */
    private static double quantile(double[] sorted, double q) {
        double pos = q * (sorted.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(lo + 1, sorted.length - 1);
        double frac = pos - lo;
        if (frac == 0 || sorted[lo] == sorted[hi]) {
            return sorted[lo];
        }
        return sorted[lo] + frac * (sorted[hi] - sorted[lo]);
    }
}

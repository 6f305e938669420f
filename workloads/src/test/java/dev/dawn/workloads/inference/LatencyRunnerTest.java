package dev.dawn.workloads.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dawn.reporters.latency.LatencyStats;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class LatencyRunnerTest {
  /** Spins (no sleep granularity issues) for at least {@code nanos}. */
  private static void spin(long nanos) {
    long end = System.nanoTime() + nanos;
    while (System.nanoTime() < end) {
      Thread.onSpinWait();
    }
  }

  private static final class Closable implements AutoCloseable {
    boolean closed;

    @Override
    public void close() {
      closed = true;
    }
  }

  @Test
  void warmupIsExcludedAndPreprocessingIsTimedApartFromTheModel() {
    List<Integer> inputs = List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
    AtomicInteger modelCalls = new AtomicInteger();
    List<Closable> made = new ArrayList<>();
    LatencyRunner runner = new LatencyRunner(3);

    LatencyRun run =
        runner.run(
            inputs,
            i -> {
              spin(2_000_000); // 2 ms preprocessing
              Closable c = new Closable();
              made.add(c);
              return c;
            },
            x -> {
              assertThat(x.closed).as("input must still be open during the model call").isFalse();
              modelCalls.incrementAndGet();
              spin(500_000); // 0.5 ms model
            });

    // at least the 3 asked for; more only while this JVM's JIT was still compiling
    assertThat(run.warmupItems()).isGreaterThanOrEqualTo(3);
    assertThat(modelCalls.get()).isEqualTo(run.warmupItems() + 10);
    assertThat(run.measuredItems()).isEqualTo(10);
    assertThat(LatencyStats.of(run.modelNanos()).count()).isEqualTo(10);
    assertThat(made).hasSize(run.warmupItems() + 10).allMatch(c -> c.closed);
    assertThat(LatencyStats.of(run.preprocessNanos()).minNanos()).isGreaterThanOrEqualTo(2_000_000);
    assertThat(LatencyStats.of(run.modelNanos()).minNanos()).isGreaterThanOrEqualTo(500_000);
    for (int i = 0; i < 10; i++) {
      // end-to-end is one span from before preprocessing to after the model
      assertThat(run.endToEndNanos()[i])
          .isGreaterThanOrEqualTo(run.preprocessNanos()[i] + run.modelNanos()[i]);
    }
    assertThat(run.wallNanos())
        .isGreaterThanOrEqualTo(LatencyStats.of(run.endToEndNanos()).totalNanos());
    // Each spin is a lower bound on its own span only (no ordering asserts: the machine is shared
    // and noisy).
    assertThat(LatencyStats.of(run.endToEndNanos()).minNanos()).isGreaterThanOrEqualTo(2_500_000);
  }

  @Test
  void preprocessedInputsAreNotClosedAndWarmupCyclesOverInputs() {
    List<Closable> inputs = List.of(new Closable(), new Closable());
    AtomicInteger calls = new AtomicInteger();
    LatencyRun run = new LatencyRunner(5).runPreprocessed(inputs, x -> calls.incrementAndGet());
    assertThat(run.warmupItems()).isGreaterThanOrEqualTo(5);
    assertThat(calls.get()).isEqualTo(run.warmupItems() + 2);
    assertThat(inputs).noneMatch(c -> c.closed);
    assertThat(LatencyStats.of(run.modelNanos()).count()).isEqualTo(2);
  }

  @Test
  void aReusedInputIsNotClosedAndCollectionsAreCountedPerItem() {
    Closable reused = new Closable();
    List<Integer> inputs = List.of(0, 1, 2, 3, 4, 5);
    // odd items collect the heap inside their iteration (a full collection, counted by the JVM)
    LatencyRun run =
        new LatencyRunner(2)
            .runReusingInput(
                inputs,
                i -> {
                  if (i % 2 == 1) System.gc();
                  return reused;
                },
                x -> {});
    assertThat(reused.closed).isFalse();
    assertThat(run.gcCollections()).hasSize(6);
    for (int i = 1; i < 6; i += 2) assertThat(run.gcCollections()[i]).isGreaterThanOrEqualTo(1);
    assertThat(run.itemsWithGc()).isGreaterThanOrEqualTo(3);
    assertThat(run.gcCollectionsTotal()).isGreaterThanOrEqualTo(3);
  }

  @Test
  void badArgumentsAreRejected() {
    assertThatThrownBy(() -> new LatencyRunner(-1)).hasMessageContaining("warmupItems");
    assertThatThrownBy(() -> new LatencyRunner(0).runPreprocessed(List.of(), x -> {}))
        .hasMessageContaining("empty");
  }

  @Test
  void batchSweepTimesEachSizeAndClosesItsBatch() {
    List<Integer> prepared = new ArrayList<>();
    List<Integer> closed = new ArrayList<>();
    List<BatchPoint> points =
        new BatchSizeSweep(2, 4)
            .run(
                BatchSizeSweep.DEFAULT_BATCH_SIZES,
                b -> {
                  prepared.add(b);
                  return new BatchCall() {
                    @Override
                    public void run() {
                      spin(100_000L * b); // 0.1 ms per item
                    }

                    @Override
                    public void close() {
                      closed.add(b);
                    }
                  };
                });
    assertThat(prepared).containsExactly(1, 8, 32, 128);
    assertThat(closed).containsExactly(1, 8, 32, 128);
    assertThat(points).extracting(BatchPoint::batchSize).containsExactly(1, 8, 32, 128);
    for (BatchPoint p : points) {
      LatencyStats perBatch = LatencyStats.of(p.nanos(), p.batchSize());
      assertThat(perBatch.count()).isEqualTo(4);
      assertThat(perBatch.minNanos()).isGreaterThanOrEqualTo(100_000L * p.batchSize());
      assertThat(perBatch.dawnbenchLatencyMs()).isGreaterThanOrEqualTo(0.1);
      assertThat(perBatch.throughputPerSecond()).isLessThanOrEqualTo(10_000.0);
    }
    assertThatThrownBy(() -> new BatchSizeSweep(0, 1).run(List.of(0), b -> null))
        .hasMessageContaining(">= 1");
  }

  @Test
  void warmUpGoesOnWhileTheJitCompilesAndTheTimedPassStartsAfterIt() {
    // A compilation clock that advances 50 ms per item for the first 25 items, then stands still.
    AtomicInteger calls = new AtomicInteger();
    AtomicInteger callsAtStart = new AtomicInteger(-1);
    LatencyRunner runner =
        new LatencyRunner(5, () -> 50L * Math.min(calls.get(), 25), 60_000_000_000L);
    LatencyRun run =
        runner.runPreprocessed(
            List.of(1, 2, 3),
            new InferenceStep<Integer>() {
              @Override
              public void infer(Integer input) {
                calls.incrementAndGet();
              }

              @Override
              public void startTimedPass() {
                callsAtStart.set(calls.get());
              }
            });

    // 5 asked for, then windows until one passes without compiling: past item 25
    assertThat(run.warmupItems()).isGreaterThan(25);
    assertThat(callsAtStart.get()).isEqualTo(run.warmupItems());
    assertThat(calls.get()).isEqualTo(run.warmupItems() + 3);
    assertThat(run.jitMillisTotal()).isZero();
    assertThat(run.itemsWithJit()).isZero();
  }

  @Test
  void extraWarmUpStopsAtItsBoundAndNoWarmUpMeansNone() {
    AtomicInteger calls = new AtomicInteger();
    // compiling forever: the bound (here 0.2 s) ends the warm-up; the timed items see the JIT
    LatencyRun bounded =
        new LatencyRunner(2, () -> 1000L * calls.get(), 200_000_000L)
            .runPreprocessed(List.of(1, 2), x -> calls.incrementAndGet());
    assertThat(bounded.warmupItems()).isGreaterThan(2);
    assertThat(bounded.itemsWithJit()).isEqualTo(2);
    assertThat(bounded.jitMillisTotal()).isEqualTo(2000);

    calls.set(0);
    LatencyRun none =
        new LatencyRunner(0, () -> 1000L * calls.get(), 200_000_000L)
            .runPreprocessed(List.of(1, 2), x -> calls.incrementAndGet());
    assertThat(none.warmupItems()).isZero();
    assertThat(calls.get()).isEqualTo(2);
  }
}

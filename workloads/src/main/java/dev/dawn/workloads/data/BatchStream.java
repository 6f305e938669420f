package dev.dawn.workloads.data;

import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

/**
 * The batches of one epoch (or one evaluation pass), built ahead on the pipeline's worker threads.
 * At most {@code depth} batches are in flight; they are handed out in plan order, so the content
 * does not depend on the number of workers. Close it to cancel what is still queued.
 */
public final class BatchStream implements Iterator<Batch>, AutoCloseable {
  private final int batchCount;
  private final IntFunction<Batch> builder;
  private final ExecutorService executor;
  private final int depth;
  private final ArrayDeque<Future<Batch>> inFlight = new ArrayDeque<>();
  private int submitted;
  private int delivered;
  private boolean closed;

  BatchStream(int batchCount, IntFunction<Batch> builder, ExecutorService executor, int depth) {
    this(batchCount, 0, builder, executor, depth);
  }

  /**
   * The batches from {@code first} on (a run resumed within an epoch); batches before it are never
   * built.
   */
  BatchStream(
      int batchCount, int first, IntFunction<Batch> builder, ExecutorService executor, int depth) {
    if (first < 0 || first > batchCount) {
      throw new IllegalArgumentException(
          "first batch " + first + " is not in [0, " + batchCount + "]");
    }
    this.batchCount = batchCount;
    this.builder = builder;
    this.executor = executor;
    this.depth = depth;
    this.submitted = first;
    this.delivered = first;
    fill();
  }

  /** Number of batches of the whole plan, those skipped by starting later included. */
  public int batchCount() {
    return batchCount;
  }

  @Override
  public boolean hasNext() {
    return !closed && delivered < batchCount;
  }

  @Override
  public Batch next() {
    if (!hasNext()) {
      throw new NoSuchElementException("batch stream exhausted after " + delivered + " batches");
    }
    Future<Batch> head = inFlight.removeFirst();
    delivered++;
    fill();
    try {
      return head.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for batch " + (delivered - 1), e);
    } catch (ExecutionException | CancellationException e) {
      throw new IllegalStateException(
          "building batch " + (delivered - 1) + " failed: " + e.getCause(), e);
    }
  }

  private void fill() {
    while (submitted < batchCount && inFlight.size() < depth) {
      int index = submitted++;
      inFlight.addLast(executor.submit(() -> builder.apply(index)));
    }
  }

  /** Drains the rest into a list (handy for tests and small evaluation sets). */
  public List<Batch> toList() {
    List<Batch> out = new java.util.ArrayList<>();
    forEachRemaining(out::add);
    return out;
  }

  @Override
  public void close() {
    closed = true;
    for (Future<Batch> f : inFlight) {
      f.cancel(true);
    }
    inFlight.clear();
  }
}

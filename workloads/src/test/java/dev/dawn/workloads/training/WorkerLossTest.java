package dev.dawn.workloads.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A worker killed mid-training makes the other's next step fail with {@link
 * dev.dawn.workloads.distributed.WorkerLostException} within the collective timeout, not hang. Both
 * tasks are child JVMs (a JVM hosts one task for life, and the multi-worker training test already
 * makes this JVM a task).
 */
class WorkerLossTest {
  private static final int TIMEOUT_SECONDS = 5;

  @ParameterizedTest(name = "task {0} killed")
  @ValueSource(ints = {1, 0})
  void aKilledWorkerFailsTheOthersStepWithinTheTimeout(int killedTask, @TempDir Path dir)
      throws Exception {
    long seconds = loseWorker(killedTask, false, dir);
    // loose bound: the timeout plus process and gRPC slack on a shared machine
    assertThat(seconds).isLessThan(60);
  }

  /**
   * A worker that stops answering (SIGSTOP) closes no connection: the collective timeout ends it.
   */
  @Test
  void aFrozenWorkerFailsTheOthersStepAfterTheTimeout(@TempDir Path dir) throws Exception {
    long seconds = loseWorker(1, true, dir);
    assertThat(seconds).isBetween((long) TIMEOUT_SECONDS - 1, 60L);
  }

  /**
   * A worker's first collective waits for the others to arrive, and gives up after the timeout (the
   * handshake, what a run does first) whether task 0 or another task is missing.
   */
  @ParameterizedTest(name = "only task {0} started")
  @ValueSource(ints = {0, 1})
  void aWorkerThatNeverStartsFailsTheHandshake(int startedTask, @TempDir Path dir)
      throws Exception {
    String workers = WorkerJvm.freeLoopbackCluster();
    try (WorkerJvm alone =
        WorkerJvm.start(
            dir.resolve("alone.log"),
            "handshake",
            workers,
            Integer.toString(startedTask),
            Integer.toString(TIMEOUT_SECONDS))) {
      long start = System.nanoTime();
      assertThat(alone.waitFor(120)).as("gave up; its log:\n%s", alone.output()).isTrue();
      long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start);
      String log = alone.output();
      assertThat(alone.process.exitValue()).as(log).isEqualTo(3);
      assertThat(log)
          .contains("the cluster handshake failed")
          .contains("worker task " + (1 - startedTask));
      System.out.println(
          "task "
              + startedTask
              + " alone gave up after "
              + seconds
              + " s (JVM start included): "
              + log.lines().filter(l -> l.startsWith("LOST") || l.startsWith("CAUSE")).toList());
    }
  }

  /**
   * @return seconds from losing task {@code lostTask} until the other task's process ended
   */
  private static long loseWorker(int lostTask, boolean freeze, Path dir) throws Exception {
    String workers = WorkerJvm.freeLoopbackCluster();
    String timeout = Integer.toString(TIMEOUT_SECONDS);
    try (WorkerJvm task0 =
            WorkerJvm.start(dir.resolve("task0.log"), "forever", workers, "0", timeout);
        WorkerJvm task1 =
            WorkerJvm.start(dir.resolve("task1.log"), "forever", workers, "1", timeout)) {
      WorkerJvm lost = lostTask == 1 ? task1 : task0;
      WorkerJvm survivor = lostTask == 1 ? task0 : task1;
      int survivorTask = 1 - lostTask;
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
      while (!survivor.output().contains("STEP 3") && System.nanoTime() < deadline) {
        assertThat(survivor.process.isAlive()).as(survivor.output()).isTrue();
        Thread.sleep(200);
      }
      assertThat(survivor.output()).as("training started").contains("STEP 3");

      if (freeze) {
        new ProcessBuilder("kill", "-STOP", Long.toString(lost.process.pid()))
            .start()
            .waitFor(10, TimeUnit.SECONDS);
      } else {
        lost.process.destroyForcibly();
      }
      long lostAt = System.nanoTime();
      assertThat(survivor.waitFor(90))
          .as("surviving task stopped; its log:\n%s", survivor.output())
          .isTrue();
      long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - lostAt);

      String log = survivor.output();
      assertThat(survivor.process.exitValue()).as(log).isEqualTo(3);
      assertThat(log)
          .contains("LOST ")
          .contains("worker task " + survivorTask + ": train step")
          .contains("worker task " + lostTask + " (")
          .contains("collective timeout");
      System.out.println(
          "task "
              + survivorTask
              + " stopped "
              + seconds
              + " s after task "
              + lostTask
              + (freeze ? " was frozen: " : " was killed: ")
              + log.lines().filter(l -> l.startsWith("LOST") || l.startsWith("CAUSE")).toList());
      return seconds;
    }
  }
}

package dev.dawn.workloads.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
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
    String workers = WorkerJvm.freeLoopbackCluster();
    String timeout = Integer.toString(TIMEOUT_SECONDS);
    try (WorkerJvm task0 =
            WorkerJvm.start(dir.resolve("task0.log"), "forever", workers, "0", timeout);
        WorkerJvm task1 =
            WorkerJvm.start(dir.resolve("task1.log"), "forever", workers, "1", timeout)) {
      WorkerJvm other = killedTask == 1 ? task1 : task0;
      WorkerJvm survivorJvm = killedTask == 1 ? task0 : task1;
      int survivor = 1 - killedTask;
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
      while (!survivorJvm.output().contains("STEP 3") && System.nanoTime() < deadline) {
        assertThat(survivorJvm.process.isAlive()).as(survivorJvm.output()).isTrue();
        Thread.sleep(200);
      }
      assertThat(survivorJvm.output()).as("training started").contains("STEP 3");

      other.process.destroyForcibly();
      long killed = System.nanoTime();
      assertThat(survivorJvm.waitFor(90))
          .as("surviving task stopped; its log:\n%s", survivorJvm.output())
          .isTrue();
      long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - killed);

      String log = survivorJvm.output();
      assertThat(survivorJvm.process.exitValue()).as(log).isEqualTo(3);
      assertThat(log)
          .contains("LOST ")
          .contains("worker task " + survivor + ": train step")
          .contains("collective timeout");
      // loose bound: the timeout plus process and gRPC slack on a shared machine
      assertThat(seconds).isLessThan(60);
      System.out.println(
          "task "
              + survivor
              + " stopped "
              + seconds
              + " s after task "
              + killedTask
              + " was killed: "
              + log.lines().filter(l -> l.startsWith("LOST") || l.startsWith("CAUSE")).toList());
    }
  }
}

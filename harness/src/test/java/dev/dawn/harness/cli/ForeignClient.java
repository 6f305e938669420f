package dev.dawn.harness.cli;

import dev.dawn.workloads.distributed.GrpcSession;
import java.nio.file.Path;
import org.tensorflow.DeviceSpec;
import org.tensorflow.Graph;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.op.Ops;
import org.tensorflow.proto.ConfigProto;
import org.tensorflow.proto.RunOptions;
import org.tensorflow.types.TString;

/**
 * What anyone who reaches a worker's port could do, for the isolation tests: a TensorFlow session
 * on {@code grpc://HOST:PORT} (the route dawn's own workers use, {@link GrpcSession}) that places a
 * {@code ReadFile} and a {@code WriteFile} op on worker task 1 and runs them, with no credential.
 *
 * <p>Arguments: the file to read, the file to write, then one or more targets. Prints one line per
 * target: {@code RAN <target> <what it read>} or {@code REFUSED <target> <TensorFlow's first
 * line>}. Every attempt is bounded (5 s per call); the process exits without closing its sessions,
 * whose close would wait for an unreachable master.
 */
public final class ForeignClient {
  private static final long TIMEOUT_MS = 5000;

  private ForeignClient() {}

  public static void main(String[] args) {
    Path read = Path.of(args[0]);
    Path write = Path.of(args[1]);
    for (int i = 2; i < args.length; i++) System.out.println(attempt(args[i], read, write));
    System.out.flush();
    System.exit(0);
  }

  private static String attempt(String target, Path read, Path write) {
    Graph graph = new Graph();
    Ops tf =
        Ops.create(graph)
            .withDevice(
                DeviceSpec.newBuilder()
                    .job("worker")
                    .replica(0)
                    .task(1)
                    .deviceType(DeviceSpec.DeviceType.CPU)
                    .deviceIndex(0)
                    .build());
    var contents = tf.io.readFile(tf.constant(read.toString()));
    var written = tf.io.writeFile(tf.constant(write.toString()), tf.constant("foreign"));
    try {
      Session session =
          GrpcSession.open(
              graph, target, ConfigProto.newBuilder().setOperationTimeoutInMs(TIMEOUT_MS).build());
      try (Result result =
          session
              .runner()
              .setOptions(RunOptions.newBuilder().setTimeoutInMs(TIMEOUT_MS).build())
              .fetch(contents)
              .addTarget(written)
              .run()) {
        return "RAN " + target + " " + ((TString) result.get(0)).getObject();
      }
    } catch (RuntimeException e) {
      String message = String.valueOf(e.getMessage()).strip();
      return "REFUSED " + target + " " + message.lines().findFirst().orElse(e.toString());
    }
  }
}

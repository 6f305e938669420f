package dev.dawn.harness.cli;

import dev.dawn.harness.cluster.ClusterConfigLoader;
import dev.dawn.harness.cluster.LocalCluster;
import dev.dawn.harness.cluster.TfConfig;
import dev.dawn.harness.cluster.WorkerFolders;
import dev.dawn.harness.cluster.exposure.ServerExposure;
import dev.dawn.harness.cluster.netns.NetworkNamespace;
import dev.dawn.harness.config.TrainConfig;
import dev.dawn.harness.train.DatasetOpener;
import dev.dawn.harness.train.ProgressLine;
import dev.dawn.reporters.run.RunFolder;
import dev.dawn.workloads.distributed.Cluster;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "launch",
    mixinStandardHelpOptions = true,
    description = {
      "Train one model on N worker processes on this machine, the way N hosts would: each worker is a "
          + "'dawn train' child process with a TensorFlow server on a loopback port and TF_CONFIG naming "
          + "the cluster and its task; they all-reduce gradients over gRPC every step (data-parallel, "
          + "between-graph replication). Worker 0 is the chief: it writes the run folder (events.jsonl, "
          + "evaluation, TSV/JSON, weights); worker i logs its own throughput to <run folder>/workers/<i>/.",
      "",
      "A TensorFlow server listens on every address of its machine and runs any op for anyone who connects, "
          + "so the workers run in a private network namespace made for this launch, with loopback alone: no "
          + "other host and no process outside the launch can reach them (as root with 'ip netns', otherwise "
          + "in an unprivileged user namespace). It is removed when the launch ends, however it ends. Where no "
          + "namespace can be made (not Linux, no iproute2, user namespaces disabled) the launch refuses to "
          + "start unless --expose-ports is given.",
      "",
      "Each worker reads its own contiguous shard of every global batch (train.batchSize stays the global "
          + "batch and must divide by workers x replicas x train.accumulationSteps). Their output is shown line by "
          + "line behind a '[worker i]' prefix. When a worker fails, the others are stopped (SIGTERM, so they "
          + "write run_stop; killed after the collective timeout + 15 s) and the launch names the failed worker.",
      "",
      "--resume RUN continues a stopped launch (a worker lost, killed, interrupted) with the same number of workers "
          + "from the newest whole checkpoint the chief wrote in RUN/checkpoints/: every worker is restored from it and "
          + "appends to its own log in RUN (see 'dawn train --help').",
      "",
      "On several hosts, start one 'dawn train' per host instead, each with TF_CONFIG set (see the README).",
      "",
      "Exit status: the chief's 'dawn train' status when every worker ended normally (0 target reached, "
          + "3 epoch budget spent, 4 diverged); otherwise the failed worker's status (2 bad input, 1 failure, "
          + ">128 killed by a signal)."
    },
    footer = {
      "",
      "Example:",
      "  bin/dawn launch --workers 2 --config reference-configs/cpu-synthetic-resnet9.yaml --set train.epochs=2"
    })
final class LaunchCommand implements Callable<Integer> {
  @Option(
      names = "--workers",
      required = true,
      paramLabel = "N",
      description = "Worker processes to start (1 to 16), each on its own loopback port.")
  int workers;

  @Option(
      names = "--replicas",
      paramLabel = "R",
      description =
          "Model replicas inside each worker (the same as --set distributed.replicas=R); the all-reduce "
              + "group is N x R. Default: the config's distributed.replicas.")
  Integer replicas;

  @Option(
      names = {"-c", "--config"},
      paramLabel = "FILE",
      description = "YAML training config (see reference-configs/ and the README's list of keys).")
  Path config;

  @Option(
      names = "--resume",
      paramLabel = "RUN",
      description =
          "Continue the stopped launch in run folder RUN from its newest whole checkpoint, with RUN/config.yaml "
              + "(no --config, --scale, --set, --replicas, --timeout-seconds or --run-folder).")
  Path resume;

  @Mixin ConfigLayerOptions layers;

  @Option(
      names = "--results",
      paramLabel = "DIR",
      defaultValue = "results",
      description =
          "Where the run folder goes (DIR/runs/<timestamp>-<name>/, worker i's log in its workers/<i>/). "
              + "Default: ${DEFAULT-VALUE}.")
  Path results;

  @Option(
      names = "--run-folder",
      paramLabel = "DIR",
      description =
          "Use this run folder (created if missing; it must not hold a run yet) instead of a new "
              + "<results>/runs/<timestamp>-<name>/; dawn sweep gives each run the folder it made for it.")
  Path runFolder;

  @Option(
      names = "--timeout-seconds",
      paramLabel = "S",
      description =
          "How long a collective waits for a worker that stopped answering before the others end the run with "
              + "status failed (the same as --set distributed.timeoutSeconds=S). Default: the config's "
              + "distributed.timeoutSeconds.")
  Integer timeoutSeconds;

  @Option(
      names = WorkerIsolation.EXPOSE_PORTS,
      description =
          "Start the workers on this machine's own network, without a private namespace: their ports are "
              + "then open at every address of the machine (printed at the start), to any host that reaches it. "
              + "Only on a machine no one else can reach, or behind a firewall.")
  boolean exposePorts;

  @Override
  public Integer call() throws Exception {
    if (workers < 1 || workers > 16) {
      throw new BadInputException("--workers " + workers + ": must be from 1 to 16");
    }
    if (replicas != null && replicas < 1) {
      throw new BadInputException("--replicas " + replicas + ": must be >= 1");
    }
    if (timeoutSeconds != null && timeoutSeconds < 1) {
      throw new BadInputException("--timeout-seconds " + timeoutSeconds + ": must be >= 1");
    }
    ProgressLine progress = ProgressLine.forStdout(Integer.MAX_VALUE);
    if (resume != null) {
      if (config != null
          || layers.scale != null
          || !layers.overrides.isEmpty()
          || replicas != null
          || timeoutSeconds != null
          || runFolder != null) {
        throw new BadInputException(
            "--resume "
                + resume
                + ": the run's own config.yaml and folder are used; drop --config, --scale, --set,"
                + " --replicas, --timeout-seconds and --run-folder");
      }
      config = ResumedConfig.file(resume);
    } else if (config == null) {
      throw new BadInputException(
          "give --config FILE (a new launch) or --resume RUN (a stopped one)");
    }
    List<String> overrides =
        new ArrayList<>(resume != null ? ResumedConfig.overrides() : layers.overrides);
    if (replicas != null) overrides.add("distributed.replicas=" + replicas);
    if (timeoutSeconds != null) overrides.add("distributed.timeoutSeconds=" + timeoutSeconds);

    List<String> addresses = LocalCluster.loopbackWorkers(workers);
    // The chief's view of the config, checked here so that a bad key fails once, before any process
    // starts.
    var loaded =
        ClusterConfigLoader.load(
            config, layers.scale, overrides, Optional.of(new TfConfig(addresses, 0)), s -> {});
    ResultsFolder.requireWritable(results);
    try (NetworkNamespace namespace = isolate(loaded.config(), addresses, progress)) {
      // The workers share this machine's data folder: generate the synthetic set once, here.
      DatasetOpener.open(loaded.config().data(), progress::message);
      RunFolder folder =
          resume != null
              ? WorkerFolders.resumed(resume, 0)
              : WorkerFolders.create(
                  results, loaded.config().name(), LocalDateTime.now(), runFolder, 0);
      progress.message(
          "launching "
              + workers
              + " worker"
              + (workers == 1 ? "" : "s")
              + " on "
              + String.join(", ", addresses)
              + "; run folder "
              + folder.dir());

      List<String> trainArgs = new ArrayList<>();
      if (resume != null) {
        trainArgs.addAll(List.of("--resume", resume.toString()));
      } else {
        trainArgs.addAll(List.of("--config", config.toString()));
        if (layers.scale != null) trainArgs.addAll(List.of("--scale", layers.scale));
        for (String o : overrides) trainArgs.addAll(List.of("--set", o));
      }
      trainArgs.addAll(List.of("--results", results.toString()));
      Duration stopGrace = Duration.ofSeconds(loaded.config().distributed().timeoutSeconds() + 15L);
      var outcome =
          new LocalCluster(DawnCli.class.getName(), System.out, stopGrace, progress::message)
              .run(
                  addresses,
                  trainArgs,
                  folder.dir(),
                  namespace == null ? command -> command : namespace::enter);
      if (outcome.failed()) {
        System.err.println("dawn launch: " + outcome.message());
        System.err.flush();
      }
      return outcome.exitCode();
    }
  }

  /**
   * The private network namespace the workers will run in, or null with {@code --expose-ports}
   * (after saying which addresses are then exposed, and refusing a public one as every worker
   * would).
   */
  private NetworkNamespace isolate(
      TrainConfig config, List<String> addresses, ProgressLine progress) {
    if (exposePorts) {
      ServerExposure exposure = ServerExposure.ofEveryTask(new Cluster(addresses, 0));
      String servers = "the workers' servers";
      exposure
          .refusal(servers, config.distributed().allowPublicAddresses())
          .ifPresent(
              message -> {
                throw new BadInputException("--expose-ports: " + message);
              });
      progress.message("--expose-ports: " + exposure.statement(servers));
      return null;
    }
    NetworkNamespace namespace = WorkerIsolation.privateNetwork();
    progress.message(
        "workers run in private network namespace "
            + namespace.name()
            + " (loopback alone): no other host and no process outside this launch can reach "
            + "their ports");
    return namespace;
  }
}

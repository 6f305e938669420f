package dev.dawn.harness.cli;

import dev.dawn.harness.cluster.ClusterConfigLoader;
import dev.dawn.harness.cluster.LaunchNetwork;
import dev.dawn.harness.cluster.LocalCluster;
import dev.dawn.harness.cluster.TfConfig;
import dev.dawn.harness.cluster.WorkerFolders;
import dev.dawn.harness.cluster.exposure.ServerExposure;
import dev.dawn.harness.config.TrainConfig;
import dev.dawn.harness.config.WorkerLink;
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
      "With --network RATE (e.g. 50mbit, 1gbit) the launch emulates several hosts instead: each worker runs in "
          + "a namespace of its own with its own address (10.231.K.i), joined to the others through a switch by a "
          + "link capped at RATE in each direction (tc's token bucket filter), and TF_CONFIG names those "
          + "addresses, so gradients cross a real, rate-limited TCP path rather than loopback. It adds no latency "
          + "(tc's netem is not used) and the workers still share this machine's cores. It needs root, ip and tc; "
          + "where they are missing the launch refuses in one line. Every namespace, link and cap is removed when "
          + "the launch ends, and a second launch beside the first gets its own subnet.",
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
      "On several hosts, start one 'dawn train' per host instead, each with TF_CONFIG set (see docs/workers.md).",
      "",
      "Exit status: the chief's 'dawn train' status when every worker ended normally (0 target reached, "
          + "3 epoch budget spent, 4 diverged); otherwise the failed worker's status (2 bad input, 1 failure, "
          + ">128 killed by a signal)."
    },
    footer = {
      "",
      "Example:",
      "  bin/dawn launch --workers 2 --config reference-configs/cpu-synthetic-resnet9.yaml --set train.epochs=2",
      "  bin/dawn launch --workers 2 --network 100mbit --config reference-configs/cpu-synthetic-resnet9.yaml"
    })
final class LaunchCommand implements Callable<Integer> {
  @Option(
      names = "--workers",
      required = true,
      paramLabel = "N",
      description =
          "Worker processes to start (1 to 16), each on its own loopback port (or, with --network RATE, its own "
              + "address).")
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
      description = "YAML training config (see reference-configs/ and 'dawn keys').")
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
      names = WorkerIsolation.NETWORK,
      paramLabel = "RATE",
      description =
          "How the workers are joined (the same as --set distributed.network=RATE): 'loopback', all in one "
              + "private namespace; or a rate such as 50mbit, 200mbit, 1gbit (bits per second, tc's 1000-based "
              + "units), each worker in a namespace of its own with its own address, linked to the others "
              + "through a switch capped at RATE each way, so gradients cross a real rate-limited TCP path. "
              + "Needs root, ip and tc; adds no latency and the workers still share this machine's CPU. "
              + "Default: the config's distributed.network (loopback).")
  String network;

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
    if (network != null) {
      try {
        overrides.add("distributed.network=" + WorkerLink.of(network));
      } catch (IllegalArgumentException e) {
        throw new BadInputException(
            WorkerIsolation.NETWORK + " " + network + ": " + e.getMessage());
      }
    }

    // The chief's view of the config, checked here so that a bad key fails once, before any process
    // starts (the addresses stand in: the network that gives the real ones comes from the config).
    var loaded =
        ClusterConfigLoader.load(
            config,
            layers.scale,
            overrides,
            Optional.of(new TfConfig(LocalCluster.loopbackWorkers(workers), 0)),
            s -> {});
    ResultsFolder.requireWritable(results);
    try (LaunchNetwork network = network(loaded.config())) {
      progress.message(network.statement());
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
              + String.join(", ", network.workers())
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
              .run(network, trainArgs, folder.dir());
      if (outcome.failed()) {
        System.err.println("dawn launch: " + outcome.message());
        System.err.flush();
      }
      return outcome.exitCode();
    }
  }

  /**
   * Where the workers will run: a private network namespace (loopback), an emulated network (a
   * namespace per worker at {@code distributed.network}'s rate), or with {@code --expose-ports}
   * this machine's own network (after saying which addresses are then exposed, and refusing a
   * public one as every worker would).
   */
  private LaunchNetwork network(TrainConfig config) throws java.io.IOException {
    WorkerLink link = config.distributed().network();
    if (!exposePorts) return WorkerIsolation.isolated(workers, link);
    WorkerIsolation.refuseExposedEmulation(link);
    List<String> addresses = LocalCluster.loopbackWorkers(workers);
    ServerExposure exposure = ServerExposure.ofEveryTask(new Cluster(addresses, 0));
    String servers = "the workers' servers";
    exposure
        .refusal(servers, config.distributed().allowPublicAddresses())
        .ifPresent(
            message -> {
              throw new BadInputException("--expose-ports: " + message);
            });
    return new LaunchNetwork(
        addresses,
        (task, command) -> command,
        "--expose-ports: " + exposure.statement(servers),
        () -> {});
  }
}

package dev.dawn.harness.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of the {@code dawn} command: each subcommand is one job of the harness. */
@Command(name = "dawn", mixinStandardHelpOptions = true, version = "dawn 0.1.0",
    description = "Reproduce DAWNBench results: train to a target accuracy, measure latency, write DAWNBench files.",
    subcommands = {CommandLine.HelpCommand.class})
public final class DawnCli implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override public void run() { spec.commandLine().usage(System.out); }

  public static void main(String[] args) {
    System.exit(new CommandLine(new DawnCli()).execute(args));
  }
}

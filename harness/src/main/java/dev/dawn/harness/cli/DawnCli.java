package dev.dawn.harness.cli;

import dev.dawn.harness.config.ConfigException;
import dev.dawn.workloads.data.DatasetException;
import dev.dawn.workloads.training.MissingKernelException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of the {@code dawn} command: each subcommand is one job of the harness. */
@Command(name = "dawn", mixinStandardHelpOptions = true, version = "dawn 0.1.0",
    description = {"Reproduce DAWNBench results: train to a target accuracy, measure latency, write DAWNBench files. " +
        "Run 'dawn <command> --help' for the options of each command."},
    subcommands = {TrainCommand.class, ThroughputCommand.class, BaselineCommand.class, DataCommand.class,
        ExportCommand.class, ReportCommand.class, RunsCommand.class, LeaderboardCommand.class, SubmitCommand.class,
        ValidateCommand.class, InferCommand.class, RecipesCommand.class, ScheduleCommand.class, ProjectCommand.class,
        CompareCommand.class,
        SweepCommand.class,
        CommandLine.HelpCommand.class})
public final class DawnCli implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /** The configured command line; tests call {@code execute} on it. */
  public static CommandLine commandLine() {
    return new CommandLine(new DawnCli()).setExecutionExceptionHandler(DawnCli::reportError);
  }

  /** Bad input is the user's to fix: a clear message and exit 2, no stack trace. */
  private static int reportError(Exception e, CommandLine cmd, CommandLine.ParseResult parsed) {
    var err = cmd.getErr();
    if (e instanceof ConfigException || e instanceof BadInputException || e instanceof DatasetException
        || e instanceof MissingKernelException) {
      err.println("dawn " + cmd.getCommandName() + ": " + e.getMessage());
      return 2;
    }
    err.println("dawn " + cmd.getCommandName() + ": failed: " + e);
    e.printStackTrace(err);
    return 1;
  }
}

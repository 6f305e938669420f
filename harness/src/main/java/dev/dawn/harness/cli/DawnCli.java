package dev.dawn.harness.cli;

import dev.dawn.harness.config.FiniteNumbers;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of the {@code dawn} command: each subcommand is one job of the harness. */
@Command(
    name = "dawn",
    mixinStandardHelpOptions = true,
    version = "dawn 0.1.0",
    description = {
      "Reproduce DAWNBench results: train to a target accuracy, measure latency, write DAWNBench files. "
          + "Run 'dawn <command> --help' for the options of each command."
    },
    subcommands = {
      TrainCommand.class,
      ThroughputCommand.class,
      ReplicasCommand.class,
      BaselineCommand.class,
      DataCommand.class,
      ExportCommand.class,
      ReportCommand.class,
      RunsCommand.class,
      LeaderboardCommand.class,
      SubmitCommand.class,
      ValidateCommand.class,
      InferCommand.class,
      RecipesCommand.class,
      ScheduleCommand.class,
      ProjectCommand.class,
      CompareCommand.class,
      SweepCommand.class,
      LaunchCommand.class,
      DoctorCommand.class,
      KeysCommand.class,
      CommandLine.HelpCommand.class
    })
public final class DawnCli implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @CommandLine.Option(
      names = "--verbose",
      scope = CommandLine.ScopeType.INHERIT,
      description =
          "When a command fails, also print the Java stack trace (as does the environment variable "
              + "DAWN_DEBUG=1).")
  boolean verbose;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /** The configured command line; tests call {@code execute} on it. */
  public static CommandLine commandLine() {
    CommandLine.ITypeConverter<Double> finite =
        text -> {
          try {
            return FiniteNumbers.parse(text);
          } catch (IllegalArgumentException e) {
            throw new CommandLine.TypeConversionException(e.getMessage());
          }
        };
    return new CommandLine(new DawnCli())
        // every number given as an option is a finite one, by the rule a config's numbers follow
        .registerConverter(Double.class, finite)
        .registerConverter(Double.TYPE, finite)
        .setParameterExceptionHandler(DawnCli::reportBadOption)
        .setExecutionExceptionHandler(DawnCli::reportError);
  }

  /**
   * A flag the command line cannot take (unknown, missing, not a number): one line naming it, as
   * for any other bad input, exit 2.
   */
  private static int reportBadOption(CommandLine.ParameterException e, String[] args) {
    CommandLine cmd = e.getCommandLine();
    String name = cmd.getCommandSpec().qualifiedName(" ");
    String guess =
        e instanceof CommandLine.UnmatchedArgumentException u && !u.getSuggestions().isEmpty()
            ? "; did you mean " + String.join(" or ", u.getSuggestions()) + "?"
            : "";
    cmd.getErr().println(name + ": " + e.getMessage() + guess + " (see '" + name + " --help')");
    cmd.getErr().flush();
    return FailureMessage.BAD_INPUT;
  }

  /**
   * One line naming what is wrong; exit 2 for bad input (the user's to fix), 1 for a failure. The
   * stack trace only with {@code --verbose} or {@code DAWN_DEBUG=1}.
   */
  private static int reportError(Exception e, CommandLine cmd, CommandLine.ParseResult parsed) {
    var err = cmd.getErr();
    FailureMessage failure = FailureMessage.of(e);
    err.println(cmd.getCommandSpec().qualifiedName(" ") + ": " + failure.line());
    if (debugging(parsed)) {
      e.printStackTrace(err);
    } else if (failure.exitCode() == FailureMessage.FAILURE) {
      err.println("(run with --verbose or DAWN_DEBUG=1 for the Java stack trace)");
    }
    err.flush();
    return failure.exitCode();
  }

  private static boolean debugging(CommandLine.ParseResult parsed) {
    for (CommandLine.ParseResult p = parsed; p != null; p = p.subcommand()) {
      if (p.hasMatchedOption("--verbose")) {
        return true;
      }
    }
    String env = System.getenv("DAWN_DEBUG");
    return env != null && !env.isBlank() && !"0".equals(env) && !"false".equalsIgnoreCase(env);
  }
}

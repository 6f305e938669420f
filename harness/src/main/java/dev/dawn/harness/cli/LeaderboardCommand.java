package dev.dawn.harness.cli;

import dev.dawn.reporters.dawnbench.Problem;
import dev.dawn.reporters.dawnbench.Submission;
import dev.dawn.reporters.leaderboard.HtmlLeaderboard;
import dev.dawn.reporters.leaderboard.Leaderboard;
import dev.dawn.reporters.leaderboard.MarkdownLeaderboard;
import dev.dawn.reporters.leaderboard.NotComparableRow;
import dev.dawn.reporters.run.RunFolder;
import dev.dawn.reporters.run.RunSubmission;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Predicate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
    name = "leaderboard",
    mixinStandardHelpOptions = true,
    description = {
      "The 12 DAWNBench leaderboard tables, optionally with our runs. "
          + "ImageNet, CIFAR10, SQuAD x training time, training cost, inference latency, inference cost, from the "
          + "entries repo with the DAWNBench site's rules. --with ranks our runs "
          + "among them, marked as ours; a run the DAWNBench CI would reject (e.g. target not reached) is listed, not ranked.",
      "A run that is not a DAWNBench entry (synthetic data, fewer classes, a smaller validation set, a dawn infer "
          + "--limit run) is never ranked: it appears in a separate 'Not DAWNBench-comparable' table after the 12. "
          + "An entry file whose numbers cannot be ranked (e.g. costPerHour 1e400 or -5) is left out, named on stderr."
    })
final class LeaderboardCommand implements Callable<Integer> {
  @Option(
      names = "--entries",
      paramLabel = "DIR",
      description =
          "dawn-bench-entries checkout. Default: $DAWNBENCH_ENTRIES, else "
              + EntriesLocation.DEFAULT
              + ".")
  Path entries;

  @Option(
      names = "--with",
      paramLabel = "RUN",
      arity = "1..*",
      description =
          "Run folders (dawn train or dawn infer) to"
              + " rank among the entries; a run that is not a DAWNBench entry is listed apart, never ranked.")
  List<Path> with = new ArrayList<>();

  @Option(
      names = "--format",
      paramLabel = "html|md",
      defaultValue = "md",
      description = "Output format. Default: ${DEFAULT-VALUE}.")
  String format;

  @Option(
      names = "--out",
      paramLabel = "FILE",
      description = "Write here instead of standard output.")
  Path out;

  @Override
  public Integer call() {
    if (!format.equals("md") && !format.equals("html")) {
      throw new BadInputException("--format must be html or md, got '" + format + "'");
    }
    Path root = EntriesLocation.resolve(entries);
    List<Submission> ours = new ArrayList<>();
    List<NotComparableRow> notComparable = new ArrayList<>();
    for (Path run : with) {
      if (!Files.isRegularFile(run.resolve(RunFolder.EVENTS))) {
        throw new BadInputException(run + ": not a run folder (no events.jsonl inside)");
      }
      try {
        ours.addAll(
            RunFolders.isInference(run)
                ? RunSubmission.inference(run)
                : List.of(RunSubmission.training(run)));
      } catch (RunSubmission.NotAnEntryException e) {
        // Shown in its own table, never ranked: its figure measures another task than the entries'.
        e.submissions().forEach(s -> notComparable.add(NotComparableRow.of(s, e.task().reason())));
        System.err.println("dawn leaderboard: not ranked, " + e.getMessage());
      } catch (IllegalArgumentException e) {
        System.err.println("dawn leaderboard: not ranked: " + e.getMessage());
      }
    }
    Leaderboard board = Leaderboard.fromCorpus(root, ours);
    Set<Path> ourFiles = new HashSet<>();
    ours.forEach(s -> ourFiles.add(s.file()));
    for (Problem p : board.excluded()) {
      boolean mine =
          ours.stream()
              .anyMatch(s -> p.file().equals(s.file()) || p.file().equals(s.trainingTsv()));
      System.err.println("dawn leaderboard: " + (mine ? "not ranked: " : "left out: ") + p);
    }
    Predicate<Submission> isOurs = s -> ourFiles.contains(s.file());
    long ranked =
        board.tables().stream()
            .flatMap(t -> t.rows().stream())
            .map(r -> r.submission().file())
            .filter(ourFiles::contains)
            .distinct()
            .count();
    String title = "DAWNBench leaderboard" + (ranked == 0 ? "" : " with our runs");
    String apart = MarkdownLeaderboard.renderNotComparable(notComparable);
    String text =
        format.equals("html")
            ? HtmlLeaderboard.render(title, board.tables(), isOurs, notComparable)
            : "# "
                + title
                + "\n\n"
                + MarkdownLeaderboard.render(board.tables(), isOurs)
                + (apart.isEmpty() ? "" : "\n" + apart);
    OutputFile.write(out, text);
    if (out != null) {
      System.out.println(
          "wrote "
              + out
              + " ("
              + ranked
              + " of "
              + with.size()
              + " runs ranked"
              + (notComparable.isEmpty()
                  ? ""
                  : ", "
                      + notComparable.size()
                      + (notComparable.size() == 1 ? " file" : " files")
                      + " not DAWNBench-comparable")
              + ")");
    }
    return 0;
  }
}

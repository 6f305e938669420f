package dev.dawn.harness;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dawn.harness.cli.DawnCli;
import dev.dawn.reporters.events.EventLog;
import dev.dawn.workloads.data.ImageDataset;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.spi.ToolProvider;
import org.junit.jupiter.api.Test;

/**
 * No package of a module depends, directly or through others, on a package that depends back on it,
 * and the modules depend one way ({@code harness -> workloads}, {@code harness -> reporters};
 * reporters never touch TensorFlow). Checked on the compiled classes with the JDK's {@code jdeps},
 * so fully qualified names and nested types count too.
 */
class PackageCyclesTest {
  private static final Pattern EDGE =
      Pattern.compile("^\\s+(dev\\.dawn\\.[\\w.]+)\\s+->\\s+([\\w.]+)\\s");

  @Test
  void reportersHasNoPackageCycle() throws Exception {
    assertThat(cycles(classesOf(EventLog.class), "dev.dawn.reporters")).isEmpty();
  }

  @Test
  void workloadsHasNoPackageCycle() throws Exception {
    assertThat(cycles(classesOf(ImageDataset.class), "dev.dawn.workloads")).isEmpty();
  }

  @Test
  void harnessHasNoPackageCycle() throws Exception {
    assertThat(cycles(classesOf(DawnCli.class), "dev.dawn.harness")).isEmpty();
  }

  @Test
  void workloadsAndReportersDoNotKnowEachOther() throws Exception {
    assertThat(targets(classesOf(ImageDataset.class)))
        .noneMatch(p -> p.startsWith("dev.dawn.reporters") || p.startsWith("dev.dawn.harness"));
    assertThat(targets(classesOf(EventLog.class)))
        .noneMatch(
            p ->
                p.startsWith("dev.dawn.workloads")
                    || p.startsWith("dev.dawn.harness")
                    || p.startsWith("org.tensorflow"));
  }

  @Test
  void aCycleIsFound() {
    Map<String, Set<String>> graph =
        new TreeMap<>(Map.of("a", Set.of("b"), "b", Set.of("c"), "c", Set.of("a", "d")));
    assertThat(cyclesIn(graph)).containsExactly("a -> b -> c -> a");
  }

  /** The folder or jar a module's classes were loaded from. */
  private static Path classesOf(Class<?> type) throws URISyntaxException {
    return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
  }

  /** Every package the classes under {@code classes} refer to. */
  private static Set<String> targets(Path classes) {
    Set<String> targets = new TreeSet<>();
    edges(classes).values().forEach(targets::addAll);
    assertThat(targets).as("packages used by %s, found by jdeps", classes).isNotEmpty();
    return targets;
  }

  /** Package -> packages it refers to, from {@code jdeps -verbose:package}. */
  private static Map<String, Set<String>> edges(Path classes) {
    ToolProvider jdeps =
        ToolProvider.findFirst("jdeps")
            .orElseThrow(() -> new IllegalStateException("no jdeps in this JDK"));
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int rc =
        jdeps.run(
            new PrintWriter(out),
            new PrintWriter(err),
            "-verbose:package",
            "-filter:none",
            classes.toString());
    assertThat(rc).as("jdeps on %s: %s", classes, err).isZero();
    Map<String, Set<String>> edges = new TreeMap<>();
    for (String line : out.toString().split("\n")) {
      Matcher m = EDGE.matcher(line);
      if (m.find() && !m.group(1).equals(m.group(2))) {
        edges.computeIfAbsent(m.group(1), k -> new TreeSet<>()).add(m.group(2));
      }
    }
    return edges;
  }

  private static List<String> cycles(Path classes, String modulePrefix) {
    Map<String, Set<String>> graph = new TreeMap<>();
    edges(classes)
        .forEach(
            (from, tos) -> {
              if (from.startsWith(modulePrefix)) {
                tos.stream()
                    .filter(t -> t.startsWith(modulePrefix))
                    .forEach(t -> graph.computeIfAbsent(from, k -> new TreeSet<>()).add(t));
              }
            });
    assertThat(graph).as("package edges of %s found by jdeps", classes).isNotEmpty();
    return cyclesIn(graph);
  }

  /** One path per package that can reach itself, e.g. {@code a -> b -> a}. */
  private static List<String> cyclesIn(Map<String, Set<String>> graph) {
    List<String> found = new ArrayList<>();
    Set<String> reported = new TreeSet<>();
    for (String start : graph.keySet()) {
      List<String> path =
          pathBack(graph, start, start, new ArrayList<>(List.of(start)), new TreeSet<>());
      if (path != null && reported.add(new TreeSet<>(path).toString())) {
        found.add(String.join(" -> ", path));
      }
    }
    return found;
  }

  private static List<String> pathBack(
      Map<String, Set<String>> graph,
      String at,
      String target,
      List<String> path,
      Set<String> seen) {
    for (String next : graph.getOrDefault(at, Set.of())) {
      if (next.equals(target)) {
        List<String> cycle = new ArrayList<>(path);
        cycle.add(target);
        return cycle;
      }
      if (seen.add(next)) {
        path.add(next);
        List<String> found = pathBack(graph, next, target, path, seen);
        if (found != null) return found;
        path.remove(path.size() - 1);
      }
    }
    return null;
  }
}

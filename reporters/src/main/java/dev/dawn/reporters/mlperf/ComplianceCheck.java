package dev.dawn.reporters.mlperf;

import dev.dawn.reporters.events.Event;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Applies {@link TrainingRules} to a log the way MLPerf's compliance checker applies its YAML files
 * ({@code mlp_compliance.py}): each file reads every line in order, running a key's CHECK and POST
 * on each of its lines (on the first only for {@code submission_*} keys), then counts the keys; a
 * file a line names ({@code enqueue_config}) is applied after the current one. A later file that
 * has a rule for a key replaces the problems an earlier file found with that key.
 */
public final class ComplianceCheck {
  private final List<Event> events;
  private final Map<String, String> keyProblems = new LinkedHashMap<>();
  private final List<String> otherProblems = new ArrayList<>();
  private final Map<String, String> warnings = new LinkedHashMap<>();
  private final List<String> applied = new ArrayList<>();

  private ComplianceCheck(List<Event> events) {
    this.events = events;
  }

  /** From {@link TrainingRules#COMMON}, as the checker runs without {@code --config}. */
  public static ComplianceReport run(List<Event> events) {
    return run(events, TrainingRules.COMMON);
  }

  /** From {@code firstFile}, as the checker runs with {@code --config firstFile}. */
  public static ComplianceReport run(List<Event> events, String firstFile) {
    ComplianceCheck check = new ComplianceCheck(events);
    Deque<String> queue = new ArrayDeque<>(List.of(firstFile));
    while (!queue.isEmpty()) {
      String name = queue.removeFirst();
      check.applied.add(name);
      TrainingRules.file(name)
          .ifPresentOrElse(
              file -> check.apply(file, queue),
              () ->
                  check.otherProblems.add(
                      name + ": a rule file dawn does not read (only ResNet-50's are read)"));
    }
    List<String> problems = new ArrayList<>(check.keyProblems.values());
    problems.addAll(check.otherProblems);
    return new ComplianceReport(check.applied, problems, List.copyOf(check.warnings.values()));
  }

  private void apply(RuleFile file, Deque<String> queue) {
    keyProblems.keySet().removeAll(file.keys().keySet());
    RuleState state = new RuleState();
    Map<String, List<Object>> reported = new LinkedHashMap<>();
    file.keys().keySet().forEach(k -> reported.put(k, new ArrayList<>()));
    Set<String> checkedOnce = new HashSet<>();
    Map<String, Integer> passedAtLeastOne = new LinkedHashMap<>();
    for (int i = 0; i < events.size(); i++) {
      Event e = events.get(i);
      KeyRule rule = file.keys().get(e.key());
      if (rule == null) continue; // keys a file has no rule for are allowed
      reported.get(e.key()).add(e.value());
      if (!checkedOnce.contains(e.key())) {
        for (LineCheck c : rule.checks()) {
          if (!c.test().test(state, e)) {
            keyProblems.put(
                e.key(),
                where(file, i, e) + ": CHECK " + c.yaml() + " failed (value " + e.value() + ")");
          }
        }
        if (rule.post() != null) rule.post().accept(state, e);
        if (rule.follows() != null) queue.addLast(rule.follows().apply(e));
      }
      if (rule.atLeastOne() != null) {
        passedAtLeastOne.merge(
            e.key(), rule.atLeastOne().test().test(state, e) ? 1 : 0, Integer::sum);
      }
      if (e.key().contains("submission_")) checkedOnce.add(e.key());
    }
    passedAtLeastOne.forEach(
        (key, passed) -> {
          if (passed == 0) {
            otherProblems.add(
                file.name()
                    + ": "
                    + key
                    + ": no line passes "
                    + file.keys().get(key).atLeastOne().yaml());
          }
        });
    Set<Set<String>> alternatives = new LinkedHashSet<>();
    for (KeyRule rule : file.keys().values()) {
      List<Object> values = reported.get(rule.key());
      String found = file.name() + ": " + rule.key() + ": required ";
      switch (rule.occurrence()) {
        case EXACTLY_ONE -> {
          if (values.size() == 1) break;
          if (!values.isEmpty() && values.stream().distinct().count() == 1) {
            warnings.put(rule.key(), found + "once, found " + values.size() + " with one value");
          } else {
            keyProblems.put(
                rule.key(),
                found
                    + "exactly once, found "
                    + values.size()
                    + (values.isEmpty() ? "" : " with different values " + values));
          }
        }
        case AT_LEAST_ONE -> {
          if (values.isEmpty()) keyProblems.put(rule.key(), found + "at least once, found none");
        }
        case AT_LEAST_ONE_OR -> {
          Set<String> keys = new LinkedHashSet<>(List.of(rule.key()));
          keys.addAll(rule.alternatives());
          alternatives.add(keys);
        }
      }
    }
    for (Set<String> keys : alternatives) {
      if (keys.stream().allMatch(k -> reported.getOrDefault(k, List.of()).isEmpty())) {
        otherProblems.add(file.name() + ": required at least one of " + keys + ", found none");
      }
    }
  }

  private static String where(RuleFile file, int index, Event e) {
    return file.name() + ": line " + (index + 1) + ": " + e.key();
  }
}

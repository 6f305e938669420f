package dev.dawn.reporters.mlperf;

import dev.dawn.reporters.events.Event;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * One KEY record of a rule file: how often the key must occur (REQ), what each line of it must pass
 * (CHECK), what it changes (POST), which rule file it sends the checker to next ({@code
 * enqueue_config}), and what at least one of its lines must pass (ATLEAST_ONE_CHECK).
 *
 * @param alternatives with {@link Occurrence#AT_LEAST_ONE_OR}: keys any of which may occur instead
 * @param post null when the record has no POST
 * @param follows null, or the rule file a line sends the checker to
 * @param atLeastOne null, or a check at least one line must pass
 */
record KeyRule(
    String key,
    Occurrence occurrence,
    List<String> alternatives,
    List<LineCheck> checks,
    BiConsumer<RuleState, Event> post,
    Function<Event, String> follows,
    LineCheck atLeastOne) {

  /** REQ: how often the key must occur. */
  enum Occurrence {
    /**
     * Missing or repeated with different values is a problem; repeated with one value a warning.
     */
    EXACTLY_ONE,
    AT_LEAST_ONE,
    /** This key or one of the alternatives at least once. */
    AT_LEAST_ONE_OR
  }

  KeyRule {
    alternatives = List.copyOf(alternatives);
    checks = List.copyOf(checks);
  }

  static KeyRule of(String key, Occurrence occurrence, LineCheck... checks) {
    return new KeyRule(key, occurrence, List.of(), List.of(checks), null, null, null);
  }

  static KeyRule orElse(String key, String alternative, LineCheck... checks) {
    return new KeyRule(
        key, Occurrence.AT_LEAST_ONE_OR, List.of(alternative), List.of(checks), null, null, null);
  }

  KeyRule withPost(BiConsumer<RuleState, Event> code) {
    return new KeyRule(key, occurrence, alternatives, checks, code, follows, atLeastOne);
  }

  KeyRule followedBy(Function<Event, String> file) {
    return new KeyRule(key, occurrence, alternatives, checks, post, file, atLeastOne);
  }

  KeyRule withAtLeastOne(LineCheck check) {
    return new KeyRule(key, occurrence, alternatives, checks, post, follows, check);
  }
}

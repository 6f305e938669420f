package dev.dawn.reporters.mlperf;

import dev.dawn.reporters.events.Event;
import java.util.function.BiPredicate;

/**
 * One CHECK expression of a rule file, as its YAML writes it, and dawn's reading of it.
 *
 * @param yaml the expression as written in the rule file, for messages
 * @param test true when a line passes
 */
record LineCheck(String yaml, BiPredicate<RuleState, Event> test) {}

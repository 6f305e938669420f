package dev.dawn.reporters.mlperf;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One YAML file of the ruleset, by its path under {@code mlperf_logging/compliance_checker/}.
 *
 * @param name e.g. {@code training_3.0.0/common.yaml}
 * @param keys its KEY records by key, in file order
 */
record RuleFile(String name, Map<String, KeyRule> keys) {
  static RuleFile of(String name, List<KeyRule> rules) {
    Map<String, KeyRule> keys = new LinkedHashMap<>();
    for (KeyRule r : rules) keys.put(r.key(), r);
    return new RuleFile(name, java.util.Collections.unmodifiableMap(keys));
  }
}

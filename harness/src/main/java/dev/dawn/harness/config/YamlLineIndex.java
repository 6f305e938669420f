package dev.dawn.harness.config;

import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/** Line of each dotted key in a YAML text, so that config errors can point at the line to fix. */
final class YamlLineIndex {
  private final Map<String, Integer> lines = new HashMap<>();

  YamlLineIndex(String yaml) throws IOException {
    try (YAMLParser p = ConfigYaml.factory().createParser(yaml)) {
      Deque<String> path = new ArrayDeque<>();
      Deque<Boolean> inObject = new ArrayDeque<>();
      JsonToken t;
      while ((t = p.nextToken()) != null) {
        switch (t) {
          case FIELD_NAME -> {
            if (!path.isEmpty()
                && Boolean.TRUE.equals(inObject.peek())
                && path.size() == inObject.size()) path.pop();
            path.push(p.currentName());
            lines.put(dotted(path), p.currentTokenLocation().getLineNr());
          }
          case START_OBJECT -> inObject.push(true);
          case START_ARRAY -> inObject.push(false);
          case END_OBJECT, END_ARRAY -> {
            if (path.size() == inObject.size()) path.pop();
            inObject.pop();
          }
          default -> {}
        }
      }
    }
  }

  private static String dotted(Deque<String> path) {
    StringBuilder sb = new StringBuilder();
    var it = path.descendingIterator();
    while (it.hasNext()) sb.append(sb.length() == 0 ? "" : ".").append(it.next());
    return sb.toString();
  }

  /**
   * @return the line of a known key, else null
   */
  Integer line(String dottedKey) {
    return lines.get(dottedKey);
  }
}

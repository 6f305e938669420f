package dev.dawn.reporters.compare;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Whether runs measure the same thing: timings of runs on different DAWNBench tasks, toward
 * different targets or on different data say nothing about a recipe. Every run is held against the
 * first run of side A.
 */
public final class Comparability {
  private Comparability() {}

  /**
   * Why these runs cannot be compared (one line naming what differs and the two runs), or empty
   * when they can.
   */
  public static Optional<String> problem(List<ComparedRun> a, List<ComparedRun> b) {
    ComparedRun ref = a.get(0);
    for (List<ComparedRun> side : List.of(a, b)) {
      String sideName = side == a ? "A" : "B";
      for (ComparedRun r : side) {
        String where = "A's run " + ref.id() + " vs " + sideName + "'s run " + r.id();
        if (!ref.taskName().equals(r.taskName())) {
          return Optional.of(
              "the DAWNBench task differs ("
                  + where
                  + "): "
                  + ref.taskName()
                  + " vs "
                  + r.taskName());
        }
        if (!ref.target().equals(r.target())) {
          return Optional.of(
              "the target differs (" + where + "): " + ref.target() + " vs " + r.target());
        }
        Map<String, String> da = ref.data();
        Map<String, String> db = r.data();
        for (String key : da.keySet()) {
          String va = da.get(key);
          String vb = db.get(key);
          if (vb != null
              && !va.equals(vb)) { // a fact one log lacks (older format) proves no difference
            return Optional.of("the data differ (" + where + "): " + key + " " + va + " vs " + vb);
          }
        }
      }
    }
    return Optional.empty();
  }
}

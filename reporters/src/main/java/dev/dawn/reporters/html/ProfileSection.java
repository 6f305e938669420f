package dev.dawn.reporters.html;

import static dev.dawn.reporters.html.text.HtmlText.escape;

import dev.dawn.reporters.html.HtmlTable.Cell;
import dev.dawn.reporters.inference.InferenceRunRecord;
import dev.dawn.reporters.profile.OpProfile;
import dev.dawn.reporters.profile.OpTime;
import dev.dawn.reporters.profile.ProfileChart;
import java.util.List;

/** Runs traced with {@code --profile}: time per op type, and each profile's slowest ops. */
final class ProfileSection {
  /** Slowest ops listed per profile. */
  static final int TOP_OPS = 15;

  /** Taller than a wide figure: the op types are written slanted under the bars. */
  static final Figure.Size PROFILE_SIZE = new Figure.Size(1200, 600, "wide");

  private ProfileSection() {}

  static void append(StringBuilder h, List<InferenceRunRecord> runs) {
    List<InferenceRunRecord> traced = runs.stream().filter(r -> !r.profiles().isEmpty()).toList();
    if (traced.isEmpty()) {
      return;
    }
    h.append("<h2>Op profiles</h2>\n<p>Traced steps (TensorFlow FULL_TRACE step stats); share =")
        .append(" the op's part of the summed op time (ops on parallel threads each count in")
        .append(" full).</p>\n");
    int chart = 0;
    for (InferenceRunRecord run : traced) {
      h.append("<h3><code>").append(escape(run.id())).append("</code></h3>\n");
      h.append(
          Figure.of(
              ProfileChart.byOpType("Time per op type: " + run.id(), run.profiles()),
              PROFILE_SIZE,
              "profile-" + chart++));
      for (OpProfile p : run.profiles()) {
        HtmlTable t =
            new HtmlTable(null, List.of("Op", "Type", "Calls", "Mean \u00b5s", "Share %"));
        for (OpTime op : p.ops().subList(0, Math.min(TOP_OPS, p.ops().size()))) {
          t.row(
              List.of(
                  Cell.code(op.name()),
                  Cell.text(op.type()),
                  Cell.num(Long.toString(op.calls())),
                  Cell.num(ReportFigures.fixed(op.meanMicros(), 1)),
                  Cell.num(ReportFigures.fixed(100 * p.share(op), 1))));
        }
        h.append(
            t.folded(
                p.label()
                    + ": "
                    + p.steps()
                    + " steps, "
                    + ReportFigures.fixed(p.meanStepMicros() / 1000, 3)
                    + " ms per traced step; slowest ops",
                true));
      }
    }
  }
}

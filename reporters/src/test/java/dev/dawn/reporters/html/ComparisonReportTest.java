package dev.dawn.reporters.html;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dawn.reporters.run.RunDirectory;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ComparisonReportTest {
  @TempDir Path tmp;

  @Test
  void everyOutsideStringIsEscapedAndNothingLoadsFromTheNetwork() throws Exception {
    List<RunDirectory> runs = ReportRuns.two(tmp);
    String html = ComparisonReport.render(runs, tmp.resolve("report.html"));
    assertThat(html)
        .doesNotContainIgnoringCase("<script")
        .doesNotContain("<b>bold")
        .doesNotContain("<i>")
        .doesNotContainPattern("(?i)(src|href)\\s*=\\s*\"?(https?:|//)")
        .doesNotContain("<link")
        .doesNotContain("@import")
        .doesNotContainPattern("src=\"(?!data:image/(png|svg\\+xml);base64,)");
    assertThat(html)
        .contains("Eve &lt;script&gt;alert(&quot;author&quot;)&lt;/script&gt; O&#39;Neil")
        .contains("ResNet-50 &quot;fast&quot; &lt;b&gt;bold&lt;/b&gt;")
        .contains("r-other &quot;quoted&quot; &lt;script&gt;")
        .contains("Intel Xeon &lt;i&gt;");
  }

  @Test
  void summaryDiffsWarningAndRelativeLinks() throws Exception {
    List<RunDirectory> runs = ReportRuns.two(tmp);
    String html = ComparisonReport.render(runs, tmp.resolve("out/report.html"));
    assertThat(html)
        .contains("<td class=\"num\">3:00:00</td>")
        .contains("<td class=\"num\">$9.18</td>");
    assertThat(html)
        .contains("id=\"not-comparable\"")
        .contains("<code>cores</code>: 2 (r-reached); 8 (");
    String config = section(html, "id=\"config-diff\"");
    assertThat(config)
        .contains("train.batchSize")
        .contains("<td>256</td><td>512</td>")
        .doesNotContain("optimizer.name")
        .doesNotContain("train.epochs");
    assertThat(section(html, "id=\"environment-diff\""))
        .contains("cpuModel")
        .doesNotContain("gitCommit");
    assertThat(html)
        .contains("href=\"../runs/a/events.jsonl\"")
        .contains("href=\"../runs/b%20&amp;%20c/config.yaml\"")
        .contains("href=\"../runs/a/metrics.csv\"");
    assertThat(html)
        .contains("<figcaption>top-5 accuracy against training time")
        .contains("alt=\"Training loss against step");
  }

  @Test
  void sameMachineIsComparableAndOneRunHasNoDiff() throws Exception {
    RunDirectory a = ReportRuns.two(tmp).get(0);
    String html = ComparisonReport.render(List.of(a, a), tmp.resolve("r.html"));
    assertThat(html).doesNotContain("not-comparable").contains("id=\"config-same\"");
    assertThat(ComparisonReport.render(List.of(a), tmp.resolve("r.html"))).contains("Only one run");
    assertThat(ConfigDiff.differing(List.of(Map.of("k", "1", "same", "x"), Map.of("same", "x"))))
        .containsExactly(new ConfigDiff.Row("k", java.util.Arrays.asList("1", null)));
  }

  static String section(String html, String marker) {
    int start = html.indexOf(marker);
    assertThat(start).as(marker).isNotNegative();
    return html.substring(start, html.indexOf("</table>", start));
  }
}

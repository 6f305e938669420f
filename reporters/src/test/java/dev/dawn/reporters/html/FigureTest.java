package dev.dawn.reporters.html;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dawn.reporters.charts.StepCharts;
import dev.dawn.reporters.charts.StepCurve;
import dev.dawn.reporters.record.StepRecord;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChartBuilder;

class FigureTest {
  static final List<StepRecord> STEPS =
      List.of(new StepRecord(1, 1, 1, 2.0, 0.1, 0.9, 5), new StepRecord(1, 2, 2, 1.5, 0.2, 0.9, 5));

  @Test
  void captionAndLegendAreHtmlAndThePlotIsAnEmbeddedImage() {
    var chart =
        StepCharts.loss(
            "Loss <of> runs", List.of(new StepCurve("a", STEPS), new StepCurve("b", STEPS)));
    String html = Figure.of(chart, Figure.SMALL, "f1");
    assertThat(html)
        .startsWith("<figure class=\"small\" id=\"f1\">")
        .contains("<figcaption>Loss &lt;of&gt; runs</figcaption>")
        .containsPattern("<img src=\"data:image/(png|svg\\+xml);base64,[A-Za-z0-9+/=]+\"")
        .contains("width=\"440\" height=\"320\"")
        .contains("</span>a</li>", "</span>b</li>");
    // The chart itself no longer draws them.
    assertThat(chart.getStyler().isChartTitleVisible()).isFalse();
    assertThat(chart.getStyler().isLegendVisible()).isFalse();
    // Two runs, two colours, as drawn.
    List<Figure.LegendEntry> legend = Figure.legend(chart);
    assertThat(legend).extracting(Figure.LegendEntry::label).containsExactly("a", "b");
    assertThat(legend.get(0).colour()).isNotEqualTo(legend.get(1).colour());
    assertThat(Figure.of(chart, Figure.SMALL, "f2", false)).doesNotContain("class=\"legend\"");
  }

  @Test
  void aVerticalAxisTitleLongerThanThePlotMovesToTheCaption() {
    var fits =
        new XYChartBuilder().width(900).height(520).title("t").yAxisTitle("Images/s").build();
    assertThat(Figure.fitAxisTitles(fits, Figure.SMALL, "t")).isEqualTo("t");
    assertThat(fits.getYAxisTitle()).isEqualTo("Images/s");
    String tooLong = "Highest accuracy on the target's metric over every evaluation of the run (%)";
    var cut = new XYChartBuilder().width(900).height(520).title("t").yAxisTitle(tooLong).build();
    assertThat(Figure.fitAxisTitles(cut, Figure.SMALL, "t"))
        .isEqualTo("t (vertical axis: " + tooLong + ")");
    assertThat(cut.getYAxisTitle()).isEmpty();
    // The same title fits the height of a tall figure.
    var tall = new XYChartBuilder().width(900).height(520).title("t").yAxisTitle(tooLong).build();
    assertThat(Figure.fitAxisTitles(tall, new Figure.Size(600, 900, "wide"), "t")).isEqualTo("t");
  }
}

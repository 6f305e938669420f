package dev.dawn.reporters.charts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class ScheduleChartTest {
  private static final double[] EPOCHS = {0, 1, 2, 3};

  @Test
  void stacksOnePanelPerQuantityIntoOnePng() throws Exception {
    byte[] png =
        ScheduleChart.png(
            "recipe",
            EPOCHS,
            List.of(
                new ScheduleChart.Panel("learning rate", new double[] {0, 0.4, 0.2, 0}),
                new ScheduleChart.Panel("momentum", new double[] {0.9, 0.9, 0.9, 0.9}),
                new ScheduleChart.Panel("resolution (px)", new double[] {24, 24, 32, 32})));
    var image = ImageIO.read(new ByteArrayInputStream(png));
    var single =
        ImageIO.read(
            new ByteArrayInputStream(
                ScheduleChart.png(
                    "recipe",
                    EPOCHS,
                    List.of(
                        new ScheduleChart.Panel("learning rate", new double[] {0, 0.4, 0.2, 0})))));
    assertThat(image).isNotNull();
    assertThat(image.getWidth()).isEqualTo(single.getWidth());
    assertThat(image.getHeight()).isEqualTo(3 * single.getHeight());
  }

  @Test
  void panelsThatDoNotPairWithTheEpochsAreRefused() {
    assertThatThrownBy(
            () ->
                ScheduleChart.png(
                    "recipe",
                    EPOCHS,
                    List.of(new ScheduleChart.Panel("momentum", new double[] {0.9, 0.9}))))
        .hasMessageContaining("'momentum' has 2 values for 4 epochs");
  }

  @Test
  void nonFiniteValuesAreRefusedWithTheirPanel() {
    assertThatThrownBy(() -> new ScheduleChart.Panel("learning rate", new double[] {0, Double.NaN}))
        .hasMessageContaining("learning rate")
        .hasMessageContaining("value 1 is NaN");
  }
}

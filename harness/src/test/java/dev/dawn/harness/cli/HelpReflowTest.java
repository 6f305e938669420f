package dev.dawn.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class HelpReflowTest {
  @Test
  void joinsSourceLinesIntoParagraphsButKeepsBreaksIndentsAndListItems() {
    assertThat(HelpReflow.paragraphs(new String[] {"one", "two", "", "three", "  indented", "- item", "four"}))
        .containsExactly("one two", "", "three", "  indented", "- item four");
  }

  @Test
  void inferHelpWrapsWholeSentences() {
    StringWriter out = new StringWriter();
    var cli = DawnCli.commandLine();
    cli.setOut(new PrintWriter(out));
    assertThat(cli.execute("infer", "--help")).isZero();
    // Before reflowing, each source line of the description was printed on its own, leaving fragments such as
    // "exported): batch norm is" followed by a line break; now whole sentences wrap at the usage width.
    assertThat(out.toString()).contains("exported): batch norm is folded into the convolutions, weights become");
  }
}

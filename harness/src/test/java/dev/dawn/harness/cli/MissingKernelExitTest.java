package dev.dawn.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dawn.workloads.training.MissingKernelException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * A precision the TensorFlow build has no kernel for is the user's choice to change: one line, exit
 * 2.
 */
class MissingKernelExitTest {

  @Command(name = "needs-kernel")
  static final class NeedsKernel implements Callable<Integer> {
    @Override
    public Integer call() {
      throw new MissingKernelException(
          "precision bf16: this TensorFlow build (2.18.0) registers no DT_BFLOAT16 kernel"
              + " for op(s) [Tile]; use precision fp32");
    }
  }

  @Test
  void aMissingKernelPrintsOneLineAndExits2() {
    CommandLine cli = DawnCli.commandLine();
    cli.addSubcommand("needs-kernel", new NeedsKernel());
    StringWriter err = new StringWriter();
    cli.setErr(new PrintWriter(err));
    assertThat(cli.execute("needs-kernel")).isEqualTo(2);
    assertThat(err.toString().strip())
        .isEqualTo(
            "dawn needs-kernel: precision bf16: this TensorFlow build (2.18.0)"
                + " registers no DT_BFLOAT16 kernel for op(s) [Tile]; use precision fp32");
  }
}

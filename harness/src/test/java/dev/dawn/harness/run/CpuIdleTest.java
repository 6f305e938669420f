package dev.dawn.harness.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class CpuIdleTest {

  @Test
  void readsWhatSysfsSaysAndNullWhereItSaysNothing() throws Exception {
    CpuIdle idle = CpuIdle.read();

    Path driver = Path.of("/sys/devices/system/cpu/cpuidle/current_driver");
    if (Files.isReadable(driver)) {
      assertThat(idle.driver()).isEqualTo(Files.readString(driver).trim());
    } else {
      assertThat(idle.driver()).isNull();
    }
    Path poll = Path.of("/sys/module/haltpoll/parameters/guest_halt_poll_ns");
    if (Files.isReadable(poll)) {
      assertThat(idle.guestHaltPollNs()).isEqualTo(Long.parseLong(Files.readString(poll).trim()));
    } else {
      assertThat(idle.guestHaltPollNs()).isNull();
    }
  }

  @Test
  void isPartOfEveryRunsEnvironment() {
    assertThat(MachineEnvironment.describe("2.18.0", 2, 1, java.util.Map.of()))
        .containsEntry("cpuIdle", CpuIdle.read());
  }
}

package io.runbook.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** become through a stand-in sudo that checks the options and the password like the real one. */
class BecomeTransportTests {
  @TempDir Path dir;
  private String sudo;

  @BeforeEach
  void fakeSudo() throws Exception {
    Path s = dir.resolve("bin/sudo");
    Files.createDirectories(s.getParent());
    Files.copy(Path.of("src/test/resources/fixtures/become/fake-sudo"), s);
    Files.setPosixFilePermissions(s, PosixFilePermissions.fromString("rwxr-xr-x"));
    sudo = s.toString();
  }

  @Test
  void thePasswordGoesOnStdinAheadOfTheCommandsOwnInput() {
    BecomeTransport t = new BecomeTransport(new LocalTransport(), "tidb", sudo, "s3cret");
    CommandResult r = t.run(CommandSpec.of("/bin/sh", "-c", "echo $SUDO_AS; cat").withStdin("data"));
    assertThat(r.stdout()).isEqualTo("tidb\ndata");
  }

  @Test
  void aWrongOrMissingPasswordIsAClearRefusal() throws Exception {
    assertThatThrownBy(() -> new BecomeTransport(new LocalTransport(), null, sudo, "wrong").run(CommandSpec.of("true")))
        .isInstanceOf(TransportException.class).hasMessageContaining("incorrect password");
    assertThatThrownBy(() -> new BecomeTransport(new LocalTransport(), null, sudo, null).run(CommandSpec.of("true")))
        .hasMessageContaining("a password is required").hasMessageContaining("-K");
    Files.createFile(dir.resolve("bin/NOPASSWD"));
    assertThat(new BecomeTransport(new LocalTransport(), null, sudo, null).run(CommandSpec.of("/bin/sh", "-c", "echo $SUDO_AS"))
        .stdout()).isEqualTo("root\n");
  }

  @Test
  void fileOperationsGoThroughSudo() throws Exception {
    BecomeTransport t = new BecomeTransport(new LocalTransport(), null, sudo, "s3cret");
    String f = dir.resolve("etc/pump.toml").toString();
    t.mkdirs(dir.resolve("etc").toString(), 0755);
    t.writeAtomically(f, "gc = 7\n".getBytes(StandardCharsets.UTF_8), 0640);
    assertThat(new String(t.read(f), StandardCharsets.UTF_8)).isEqualTo("gc = 7\n");
    assertThat(t.stat(f).orElseThrow().mode()).isEqualTo(0640);
    assertThat(t.stat(f + ".none")).isEmpty();
    t.delete(dir.resolve("etc").toString());
    assertThat(Files.exists(dir.resolve("etc"))).isFalse();
  }
}

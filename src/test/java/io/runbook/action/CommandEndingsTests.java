package io.runbook.action;

import static org.assertj.core.api.Assertions.assertThat;

import io.runbook.model.Status;
import io.runbook.transport.CommandResult;
import io.runbook.transport.CommandSpec;
import io.runbook.transport.ExitStatus;
import io.runbook.transport.FileStat;
import io.runbook.transport.Transport;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Endings the local transport cannot produce on demand (an SSH transport will). */
class CommandEndingsTests {

  /** Answers every command with the same ending. */
  private static final class Ending implements Transport {
    private final ExitStatus status;

    Ending(ExitStatus status) {
      this.status = status;
    }

    @Override
    public CommandResult run(CommandSpec spec) {
      return new CommandResult(status, "partial\n", "", Duration.ofSeconds(2));
    }

    @Override
    public Optional<FileStat> stat(String path) {
      return Optional.empty();
    }

    @Override
    public byte[] read(String path) {
      throw new UnsupportedOperationException();
    }

    @Override
    public void writeAtomically(String path, byte[] content, Integer mode) {
      throw new UnsupportedOperationException();
    }

    @Override
    public void mkdirs(String path, Integer mode) {
      throw new UnsupportedOperationException();
    }

    @Override
    public void delete(String path) {
      throw new UnsupportedOperationException();
    }

    @Override
    public void chmod(String path, int mode) {
      throw new UnsupportedOperationException();
    }

    @Override
    public void chown(String path, String owner, String group) {
      throw new UnsupportedOperationException();
    }

    @Override
    public void rename(String from, String to) {
      throw new UnsupportedOperationException();
    }

    @Override
    public String describe() {
      return "stub";
    }

    @Override
    public void close() {}
  }

  @Test
  void aTimedOutCommandFailsWithTheReason() {
    TestActionContext ctx = new TestActionContext();
    ctx.transport = new Ending(new ExitStatus.TimedOut(Duration.ofSeconds(2)));
    ActionResult r = new CommandAction().execute(ctx, Map.of("argv", List.of("sleep", "100")));
    assertThat(r.status()).isEqualTo(Status.FAILED);
    assertThat(r.message()).isEqualTo("timed out after 2.0s");
    assertThat(r.data()).containsEntry("timed_out", true).containsEntry("rc", -1L)
        .containsEntry("stdout", "partial").containsEntry("delta", "0:00:02");
  }

  @Test
  void aSignalledCommandFailsWithTheSignalName() {
    TestActionContext ctx = new TestActionContext();
    ctx.transport = new Ending(new ExitStatus.Signalled("KILL"));
    ActionResult r = new ShellAction().execute(ctx, Map.of("cmd", "kill -9 $$"));
    assertThat(r.status()).isEqualTo(Status.FAILED);
    assertThat(r.message()).isEqualTo("killed by signal KILL");
    assertThat(r.data()).containsEntry("signal", "KILL");
  }
}

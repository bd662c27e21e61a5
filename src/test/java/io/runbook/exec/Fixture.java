package io.runbook.exec;

import io.runbook.action.BuiltinActions;
import io.runbook.action.RunClock;
import io.runbook.expr.Expressions;
import io.runbook.inventory.Inventory;
import io.runbook.load.PlaybookLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Writes a playbook and an inventory of local hosts to a folder, runs them, records events. */
final class Fixture {
  static final Expressions EXPRESSIONS = new Expressions();
  static final String HOSTS = """
      all:
        vars:
          ansible_connection: local
        children:
          web:
            hosts:
              h1:
              h2:
              h3:
              h4:
      """;

  final Path dir;
  final FakeClock clock = new FakeClock();
  RunOptions options = RunOptions.defaults().withForks(1);
  /** The plan the last run executed. */
  io.runbook.plan.ExecutionPlan lastPlan;

  Fixture(Path dir) {
    this.dir = dir;
  }

  RecordingListener run(String playbook) {
    return run(playbook, HOSTS);
  }

  RecordingListener run(String playbook, String inventory) {
    try {
      Files.writeString(dir.resolve("play.yml"), playbook);
      Files.writeString(dir.resolve("hosts.yml"), inventory);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return run(dir.resolve("play.yml"), dir.resolve("hosts.yml"));
  }

  /** Runs a playbook and an inventory that are files already (fixtures shared with Ansible). */
  RecordingListener run(Path playbook, Path inventory) {
    var actions = BuiltinActions.registry();
    PlaybookLoader loader = new PlaybookLoader(actions, EXPRESSIONS);
    RecordingListener listener = new RecordingListener();
    RunOptions opts = options.withClock(clock);
    lastPlan = new RunPlanner(actions, EXPRESSIONS, loader).plan(loader.load(playbook), Inventory.load(inventory), opts);
    try (TransportPool transports = new TransportPool(opts.ssh())) {
      // the listener records the steps too, as the journal would
      new Runner(actions, EXPRESSIONS, loader).run(lastPlan, opts, listener, null, transports,
          new io.runbook.report.Secrets(), listener);
    }
    return listener;
  }

  void write(String name, String text) {
    try {
      Files.createDirectories(dir.resolve(name).getParent());
      Files.writeString(dir.resolve(name), text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Time that moves only when the engine sleeps. */
  static final class FakeClock implements RunClock {
    final List<Duration> sleeps = new ArrayList<>();
    private long now;

    @Override
    public synchronized long nanoTime() {
      return now;
    }

    @Override
    public synchronized void sleep(Duration d) {
      sleeps.add(d);
      now += d.toNanos();
    }
  }
}

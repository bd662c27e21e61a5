package io.runbook.exec;

import io.runbook.action.ActionRegistry;
import io.runbook.expr.Expressions;
import io.runbook.inventory.Inventory;
import io.runbook.journal.Journal;
import io.runbook.journal.RunHistory;
import io.runbook.journal.LockOwner;
import io.runbook.journal.RunLock;
import io.runbook.load.PlaybookLoader;
import io.runbook.model.Playbook;
import io.runbook.plan.ExecutionPlan;
import io.runbook.report.CompositeListener;
import io.runbook.report.MaskingListener;
import io.runbook.report.RunListener;
import io.runbook.report.Secrets;
import io.runbook.source.InvalidInputException;
import io.runbook.source.SourcePosition;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything {@code runbook run} does around the runner, in order: hold the run to a reviewed
 * plan ({@code --plan-hash}), prepare a resume, lock the hosts it touches (on this controller
 * and on each host), open the journal, run with every output behind the secret mask, and say
 * how to continue when it did not end well.
 */
public final class RunSession {

  /**
   * The choices that shape a session.
   *
   * @param lockDir  this machine's lock directory ({@link RunLock#defaultDirectory})
   * @param resume   a run id or {@code last}, or null for a new run
   * @param planHash the reviewed plan's hash, or null
   * @param recorded this run's options, as its journal keeps them
   */
  public record Settings(Path playbook, Path inventory, Path stateDir, Path lockDir, boolean breakLock,
      String resume, boolean force, String planHash, io.runbook.journal.RecordedOptions recorded) {}

  private final ActionRegistry actions;
  private final Expressions expressions;
  private final PlaybookLoader loader;
  private final Runner runner;

  public RunSession(ActionRegistry actions, Expressions expressions, PlaybookLoader loader) {
    this.actions = actions;
    this.expressions = expressions;
    this.loader = loader;
    this.runner = new Runner(actions, expressions, loader);
  }

  /**
   * Runs and returns the exit code; {@code err} gets the journal's place and resume advice.
   * {@code secrets}: what is known to be secret so far; the run adds what it learns, and every
   * output is masked with it.
   */
  public int run(Playbook playbook, Inventory inventory, RunOptions options, Secrets secrets, Settings s,
      List<RunListener> outputs, PrintWriter err) throws IOException {
    // What the run knows before it starts: the plan is made with it, and the hosts locked with it.
    RunContext inputs = new RunContext(playbook, inventory, options, new RunListener() { }, expressions,
        actions, loader, null, null, secrets, io.runbook.journal.StepJournal.NONE);
    ExecutionPlan plan = RunPlanner.plan(inputs);
    if (s.planHash() != null) {
      String now = plan.hash();
      if (!now.equals(s.planHash())) {
        throw new InvalidInputException(SourcePosition.none(s.playbook().toString()),
            "the plan changed since it was reviewed: --plan-hash " + s.planHash() + ", but it is now "
            + now + " (run runbook plan again and review it)");
      }
    }
    String runId = Journal.newRunId();
    ResumeState resume = null;
    String resumedId = null;
    if (s.resume() != null) {
      RunHistory.Run earlier = new RunHistory(s.stateDir()).find(s.resume());
      if (earlier == null) {
        throw new InvalidInputException(SourcePosition.none("--resume"), "no run '" + s.resume()
            + "' under " + s.stateDir().resolve("runs") + " (runbook runs lists them)");
      }
      resumedId = earlier.id();
      Path journal = journalOf(s.stateDir(), resumedId);
      if (Journal.began(journal)) {
        List<String> changed = runInputs(plan).changesSince(Journal.inputs(journal));
        if (!changed.isEmpty() && !s.force()) {
          throw new InvalidInputException(SourcePosition.none("--resume " + s.resume()), "run " + resumedId
              + " cannot be resumed as it was begun: " + String.join("; ", changed)
              + " (run again without --resume, or add --force)");
        }
      } else {
        // It died before its first line: nothing ran, so this is simply a fresh start.
        err.println("run " + resumedId + " never began; starting afresh");
      }
      resume = ResumeState.read(resumedId, journal);
    }
    SourcePosition at = SourcePosition.none(s.inventory() != null ? s.inventory().toString() : "localhost");
    LockOwner owner = LockOwner.current(runId, s.inventory() == null ? null : s.inventory().toAbsolutePath().toString(),
        journalOf(s.stateDir(), runId).toAbsolutePath());
    try (TransportPool transports = new TransportPool(options.ssh())) {
      // Closed in reverse order: the journal, then the locks (over the pool), then the pool.
      HostLocks locks = HostLocks.take(inputs, hostsOfPlays(plan), transports,
          s.lockDir(), owner, s.breakLock(), resumedId, err, at);
      try (locks; Journal journal = Journal.start(s.stateDir(), runId, s.playbook(), s.inventory(),
          runInputs(plan), s.recorded(), plan.hash(), resumedId, secrets)) {
        if (resumedId != null && Journal.began(journalOf(s.stateDir(), resumedId))) {
          journal.inherit(journalOf(s.stateDir(), resumedId), resumedId);
        }
        List<RunListener> all = new ArrayList<>(outputs);
        all.add(journal);
        int code = runner.run(plan, options,
            new MaskingListener(new CompositeListener(all), secrets), resume, transports, secrets, journal).exitCode();
        err.println("run " + runId + ", journal " + journal.file());
        if (code != Runner.OK) {
          err.println("to continue where it stopped: runbook run " + s.playbook()
              + (s.inventory() != null ? " -i " + s.inventory() : "") + " --state-dir " + s.stateDir()
              + " --resume " + runId);
        }
        return code;
      }
    }
  }

  /** The plan's inputs, as the journal keeps them: what a resume compares. */
  private static io.runbook.journal.RunInputs runInputs(ExecutionPlan plan) {
    return new io.runbook.journal.RunInputs(plan.inputs().files(), plan.inputs().inventory(), plan.inputs().extraVars());
  }

  private static Path journalOf(Path stateDir, String runId) {
    return stateDir.resolve("runs").resolve(runId).resolve("journal.jsonl");
  }

  /**
   * The hosts the run touches, play by play, as the plan has them; a play whose hosts only the
   * run can name (its pattern reads what an earlier play leaves) may touch any host of the
   * inventory within --limit, so all of those are locked for it.
   */
  private static List<List<String>> hostsOfPlays(ExecutionPlan plan) {
    Inventory inventory = plan.inventory();
    String limit = plan.options().limit();
    return plan.plays().stream().map(p -> !p.hostsAtRunTime() ? p.hosts()
        : limit == null ? inventory.hosts() : inventory.limit(inventory.hosts(), limit)).toList();
  }
}

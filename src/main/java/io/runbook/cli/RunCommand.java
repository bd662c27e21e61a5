package io.runbook.cli;

import io.runbook.exec.RunOptions;
import io.runbook.exec.ResumeOptions;
import io.runbook.exec.RunSession;
import io.runbook.journal.RunLock;
import io.runbook.load.ExtraVars;
import io.runbook.report.ConsoleReporter;
import io.runbook.report.JsonlReporter;
import io.runbook.report.RunListener;
import io.runbook.report.Secrets;
import io.runbook.transport.ssh.SshDefaults;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code runbook run}: ansible-playbook's options and exit codes. */
@Command(name = "run", description = "Run a playbook against an inventory.",
    mixinStandardHelpOptions = true, exitCodeOnInvalidInput = ExitCodes.BAD_OPTIONS)
public final class RunCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "PLAYBOOK") Path playbook;

  @Mixin Selection selection;

  @Option(names = "--resume", paramLabel = "RUN_ID",
      description = "Continue a run that stopped (RUN_ID or last): finished steps are not run again.")
  String resume;

  @Option(names = "--force", description = "With --resume: resume even though inputs changed since the run began.")
  boolean force;

  @Option(names = "--plan-hash", paramLabel = "HASH",
      description = "Refuse to run unless the plan (runbook plan) still has this hash.")
  String planHash;

  @Option(names = "--output", defaultValue = "human", description = "human or jsonl.")
  Output output;

  @Option(names = "--known-hosts", paramLabel = "FILE",
      description = "known_hosts file for SSH host keys (default ~/.ssh/known_hosts).")
  Path knownHosts;

  @Option(names = "--host-key-checking", defaultValue = "strict",
      description = "strict (default) or accept-new: record the key of a host seen for the first time."
          + " A changed key is always refused.")
  String hostKeyChecking;

  @Option(names = {"-T", "--timeout"}, defaultValue = "10", paramLabel = "SECONDS",
      description = "SSH connect timeout (default ${DEFAULT-VALUE}).")
  int connectTimeout;

  @Option(names = {"-k", "--ask-pass"},
      description = "Ask for the SSH login password (else RUNBOOK_SSH_PASSWORD, else ansible_password).")
  boolean askPass;

  @Option(names = "--ask-key-passphrase",
      description = "Ask for the passphrase of encrypted private keys (else RUNBOOK_SSH_KEY_PASSPHRASE).")
  boolean askKeyPassphrase;

  @Option(names = {"-K", "--ask-become-pass"},
      description = "Ask for the sudo password of become (else RUNBOOK_BECOME_PASSWORD, else"
          + " ansible_become_password, else none).")
  boolean askBecomePass;

  @Option(names = "--state-dir", defaultValue = ".runbook", paramLabel = "DIR",
      description = "Where run journals live (default ${DEFAULT-VALUE}).")
  Path stateDir;

  @Option(names = "--lock-dir", paramLabel = "DIR",
      description = "This machine's run locks (default $RUNBOOK_LOCK_DIR, else ~/.runbook/locks);"
          + " runs only meet their rivals when they share it.")
  Path lockDir;

  @Option(names = "--break-lock",
      description = "Take over the locks a dead run left on its hosts (after checking what it left half-done).")
  boolean breakLock;

  @Option(names = "--junit", paramLabel = "FILE", description = "Also write JUnit XML: a test case per host and task.")
  Path junit;

  @Option(names = "--no-color", description = "No ANSI colours.")
  boolean noColor;

  @Option(names = "-v", description = "Show every result, and stack traces of internal errors.")
  boolean verbose;

  enum Output { human, jsonl }

  @Override
  public Integer call() throws java.io.IOException {
    if (!hostKeyChecking.equals("strict") && !hostKeyChecking.equals("accept-new")) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(),
          "--host-key-checking must be strict or accept-new, not '" + hostKeyChecking + "'");
    }
    Engine engine = new Engine();
    if (resume != null) {
      restoreResumedOptions();
    }
    RunOptions options = selection.apply(RunOptions.defaults(), spec.commandLine()).withSsh(ssh());
    options = options.withBecomePassword(becomePassword());
    Secrets secrets = secretFiles();
    Engine.Inputs inputs = engine.load(playbook, selection.inventory, options.extraVars().keySet(), options.limit());
    Interrupts.onCtrlC();
    int code = new RunSession(engine.actions, engine.expressions, engine.loader).run(inputs.playbook(),
        inputs.inventory(), options, secrets, new RunSession.Settings(playbook, selection.inventory, stateDir,
            lockDir != null ? lockDir : RunLock.defaultDirectory(System.getenv(), System.getProperty("user.home")),
            breakLock, resume, force, planHash, ResumeOptions.record(options, secrets, selection.extraVars)),
        outputs(), spec.commandLine().getErr());
    spec.commandLine().getErr().flush();
    return code;
  }

  /** -e @secret.yml / @vault.yml: every value in such a file is a secret. */
  private Secrets secretFiles() {
    Secrets secrets = new Secrets();
    for (String e : selection.extraVars) {
      if (e.startsWith("@") && io.runbook.exec.SecretFiles.isSecret(e.substring(1))) {
        secrets.addAll(ExtraVars.parse(List.of(e)));
      }
    }
    return secrets;
  }

  /** A resumed run takes the options its run began with; those written here must agree (or --force). */
  private void restoreResumedOptions() throws java.io.IOException {
    ResumeOptions.Resumed then = ResumeOptions.of(stateDir, resume);
    if (then == null) {
      return; // no such run, or it never began: the session says so
    }
    Set<String> given = ResumeOptions.NAMES.stream()
        .filter(n -> spec.commandLine().getParseResult().hasMatchedOption(n)).collect(Collectors.toSet());
    RunOptions now = selection.apply(RunOptions.defaults(), spec.commandLine());
    selection.restore(ResumeOptions.reconcile(then.runId(), then.options(),
        ResumeOptions.record(now, secretFiles(), selection.extraVars), given, force), given.contains("--extra-vars"));
  }

  private SshDefaults ssh() {
    SshDefaults d = SshDefaults.standard();
    SshDefaults chosen = new SshDefaults(knownHosts != null ? knownHosts : d.knownHosts(),
        hostKeyChecking.equals("accept-new"), java.time.Duration.ofSeconds(connectTimeout), d.config(),
        d.password(), askKeyPassphrase
            ? ask("--ask-key-passphrase", "Key passphrase: ", "RUNBOOK_SSH_KEY_PASSPHRASE") : d.keyPassphrase());
    return askPass ? chosen.withPassword(ask("-k", "SSH password: ", "RUNBOOK_SSH_PASSWORD")) : chosen;
  }

  /** From the prompt (-K) or the environment; never from a command-line argument. */
  private String becomePassword() {
    return askBecomePass ? ask("-K", "BECOME password: ", "RUNBOOK_BECOME_PASSWORD")
        : System.getenv("RUNBOOK_BECOME_PASSWORD");
  }

  private String ask(String option, String prompt, String variable) {
    java.io.Console console = System.console();
    if (console == null) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(),
          option + " needs a terminal to ask on; set " + variable + " instead");
    }
    char[] pw = console.readPassword(prompt);
    return pw == null ? null : new String(pw);
  }

  private List<RunListener> outputs() {
    List<RunListener> all = new java.util.ArrayList<>(List.of(listener()));
    if (junit != null) {
      all.add(new io.runbook.report.JunitReporter(junit));
    }
    return all;
  }

  private RunListener listener() {
    PrintWriter out = spec.commandLine().getOut();
    if (output == Output.jsonl) {
      return new JsonlReporter(out);
    }
    boolean terminal = System.console() != null;
    boolean color = terminal && !noColor && System.getenv("NO_COLOR") == null;
    return new ConsoleReporter(out, color, terminal, verbose);
  }
}

package io.runbook.exec;

import io.runbook.action.ActionRegistry;
import io.runbook.expr.Expressions;
import io.runbook.inventory.Inventory;
import io.runbook.load.PlaybookLoader;
import io.runbook.model.Playbook;
import io.runbook.report.Secrets;
import io.runbook.report.RunListener;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** What every part of one run shares: inputs, options, the listener, and per-host state. */
final class RunContext {
  final Playbook playbook;
  final Inventory inventory;
  final RunOptions options;
  final RunListener listener;
  final Expressions expressions;
  final ActionRegistry actions;
  final PlaybookLoader loader;
  /** Builds the steps an include reads, with the plan's tag filter. */
  final io.runbook.plan.Steps steps;
  final Outcomes outcomes = new Outcomes();
  final TransportPool transports;
  /** The run's secret values, masked in every output: the run adds what it learns to be secret. */
  final Secrets secrets;
  /** Where the executor writes each step's start and end, under the plan's step ids. */
  final io.runbook.journal.StepJournal journal;
  /** The invariants of the play running now, or null. */
  volatile InvariantWatch invariants;
  /** What an earlier run finished, when this one resumes it; null otherwise. */
  final ResumeState resume;
  final Map<String, HostState> hosts = new LinkedHashMap<>();
  private final Map<String, Map<String, Object>> inventoryVars = new ConcurrentHashMap<>();
  private volatile Map<String, Object> groups;

  RunContext(Playbook playbook, Inventory inventory, RunOptions options, RunListener listener,
      Expressions expressions, ActionRegistry actions, PlaybookLoader loader, ResumeState resume) {
    this(playbook, inventory, options, listener, expressions, actions, loader, resume,
        new TransportPool(options.ssh()), new Secrets(), io.runbook.journal.StepJournal.NONE);
  }

  /**
   * A run whose connections are {@code transports}, opened (and closed) by its caller, and whose
   * secrets {@code secrets} (shared with the masking of every output) are added to as it learns them.
   */
  RunContext(Playbook playbook, Inventory inventory, RunOptions options, RunListener listener,
      Expressions expressions, ActionRegistry actions, PlaybookLoader loader, ResumeState resume,
      TransportPool transports, Secrets secrets, io.runbook.journal.StepJournal journal) {
    this.secrets = secrets;
    this.journal = journal;
    this.resume = resume;
    this.playbook = playbook;
    this.inventory = inventory;
    this.options = options;
    this.listener = listener;
    this.expressions = expressions;
    this.actions = actions;
    this.loader = loader;
    this.steps = new io.runbook.plan.Steps(new io.runbook.plan.TagFilter(options.tags(), options.skipTags()));
    this.transports = transports;
    rememberConnectionSecrets();
  }

  /** Passwords that reach a run through the inventory or the command line are secrets too. */
  private void rememberConnectionSecrets() {
    secrets.addAll(options.becomePassword());
    secrets.addAll(options.ssh().password());
    secrets.addAll(options.ssh().keyPassphrase());
    for (String host : inventory.hosts()) {
      Map<String, Object> vars = inventoryVars(host);
      for (String key : SECRET_VARIABLES) {
        secrets.addAll(vars.get(key));
      }
    }
    // What lookup('env', NAME) can read: the controller's variables whose names say secret.
    System.getenv().forEach((name, value) -> {
      if (io.runbook.model.SecretNames.looksSecret(name)) {
        secrets.addAll(value);
      }
    });
  }

  private static final java.util.List<String> SECRET_VARIABLES = java.util.List.of("ansible_password",
      "ansible_ssh_pass", "ansible_become_password", "ansible_become_pass");

  synchronized HostState host(String name) {
    return hosts.computeIfAbsent(name, HostState::new);
  }

  /** The inventory's variables of a host, merged once per run. */
  Map<String, Object> inventoryVars(String host) {
    return inventoryVars.computeIfAbsent(host, inventory::hostVars);
  }

  /**
   * What decides how a host is reached: its inventory variables under the {@code -e} ones, which
   * win there too in Ansible ({@code -e ansible_connection=local}, {@code -e ansible_user=...}).
   */
  Map<String, Object> connectionVars(String host) {
    if (options.extraVars().isEmpty()) {
      return inventoryVars(host);
    }
    Map<String, Object> vars = new java.util.HashMap<>(inventoryVars(host));
    vars.putAll(options.extraVars());
    return vars;
  }

  /** Ansible's {@code groups}: every group's hosts. */
  Map<String, Object> groups() {
    Map<String, Object> g = groups;
    if (g == null) {
      g = new LinkedHashMap<>(inventory.groups());
      groups = g;
    }
    return g;
  }
}

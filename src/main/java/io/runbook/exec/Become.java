package io.runbook.exec;

import io.runbook.expr.Expressions;
import io.runbook.transport.BecomeTransport;
import io.runbook.transport.Transport;

/**
 * Decides whether a task runs with privilege escalation, from the task's or play's
 * {@code become}/{@code become_user} and Ansible's host variables ({@code ansible_become},
 * {@code ansible_become_user}, {@code ansible_become_exe}, {@code ansible_become_password}).
 * The password given on the command line ({@code -K}) or in RUNBOOK_BECOME_PASSWORD wins.
 */
final class Become {
  private Become() {}

  static Transport wrap(RunContext run, Inherited inh, VarScope vars, Transport transport) {
    boolean become = inh.become() != null ? inh.become()
        : vars.containsKey("ansible_become") && Expressions.truthy(vars.get("ansible_become"));
    if (!become) {
      return transport;
    }
    String user = inh.becomeUser() != null ? String.valueOf(run.expressions.render(inh.becomeUser(), vars))
        : string(vars, "ansible_become_user");
    String password = run.options.becomePassword() != null ? run.options.becomePassword()
        : string(vars, "ansible_become_password") != null ? string(vars, "ansible_become_password")
        : string(vars, "ansible_become_pass");
    return new BecomeTransport(transport, user, string(vars, "ansible_become_exe"), password);
  }

  private static String string(VarScope vars, String name) {
    Object v = vars.containsKey(name) ? vars.get(name) : null;
    return v == null ? null : String.valueOf(v);
  }
}

package io.runbook.action;

import java.util.List;
import java.util.Map;

/**
 * {@code command}: runs a program with its arguments, never through a shell. A string
 * ({@code command: /bin/true}, or {@code cmd:}) is split into argv by shell-like word rules
 * (quotes group words; no variables, globs or redirections); {@code argv:} gives the list as is.
 *
 * <p>Always CHANGED when it succeeds (a task's {@code changed_when} can say otherwise), OK when
 * {@code creates}/{@code removes} skip it, FAILED on a non-zero return code, a timeout or a
 * signal. In check mode SKIPPED, as Ansible's, unless {@code creates}/{@code removes} are given:
 * OK when they say it would not run, UNKNOWN when they say it would.
 * Registered data as Ansible's: {@code cmd} (the argv list), {@code rc}, {@code stdout},
 * {@code stderr}, {@code stdout_lines}, {@code stderr_lines}, {@code start}, {@code end},
 * {@code delta}.
 */
public final class CommandAction implements Action {
  private static final ArgSpec SPEC = ProcCommandRunner.commonArgs(ArgSpec.builder()
      .freeForm("cmd")
      .optional("cmd", ArgSpec.Type.STRING)
      .optional("argv", ArgSpec.Type.LIST)).build();

  public CommandAction() {}

  @Override
  public boolean changesWhenRun() {
    return true;
  }

  @Override
  public String name() {
    return "command";
  }

  @Override
  public ArgSpec spec() {
    return SPEC;
  }

  @Override
  public ActionResult execute(ActionContext ctx, Map<String, Object> args) {
    ActionArgs a = new ActionArgs(name(), args);
    if (a.has("cmd") == a.has("argv")) {
      throw new ActionException("'command' needs exactly one of cmd (a string) or argv (a list)");
    }
    List<String> argv = a.has("argv") ? a.stringList("argv") : ProcWords.split(a.string("cmd"));
    if (argv.isEmpty() || argv.get(0).isEmpty()) {
      throw new ActionException("'command' has nothing to run");
    }
    return ProcCommandRunner.run(ctx, a, argv, List.copyOf(argv));
  }
}

package io.runbook.action;

import java.util.List;
import java.util.Map;

/**
 * {@code shell}: runs a script through {@code executable -c script} (default {@code /bin/sh}),
 * for pipes, redirections and {@code &&}. Same options, statuses and registered data as
 * {@link CommandAction}, except that {@code cmd} in the result is the script text.
 *
 * <p>{@code interpolate} ({@code quoted}, the default, or {@code raw}) is read by the engine when
 * it renders the script: in {@code quoted} mode every templated value is shell-quoted before it
 * reaches the script. The action itself only declares it.
 */
public final class ShellAction implements Action {
  private static final ArgSpec SPEC = ProcCommandRunner.commonArgs(ArgSpec.builder()
      .freeForm("cmd")
      .required("cmd", ArgSpec.Type.STRING)
      .optional("executable", ArgSpec.Type.STRING)
      .choice("interpolate", false, "quoted", "raw")).build();

  public ShellAction() {}

  @Override
  public boolean changesWhenRun() {
    return true;
  }

  @Override
  public String name() {
    return "shell";
  }

  @Override
  public ArgSpec spec() {
    return SPEC;
  }

  @Override
  public ActionResult execute(ActionContext ctx, Map<String, Object> args) {
    ActionArgs a = new ActionArgs(name(), args);
    String script = a.string("cmd");
    if (script == null || script.isBlank()) {
      throw new ActionException("'shell' has no script to run");
    }
    String executable = a.string("executable", "/bin/sh");
    return ProcCommandRunner.run(ctx, a, List.of(executable, "-c", script), script);
  }
}

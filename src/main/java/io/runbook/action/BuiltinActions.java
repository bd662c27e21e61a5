package io.runbook.action;

import java.util.List;

/** Every action that ships with runbook. */
public final class BuiltinActions {
  private BuiltinActions() {}

  public static ActionRegistry registry() {
    return new ActionRegistry(List.of(
        new CommandAction(), new ShellAction(), new DebugAction(), new SetFactAction(),
        new AssertAction(), new FailAction(), new PauseAction(), new WaitForAction(),
        new HttpAction(), new CopyAction(), new FileAction(), new TemplateAction(),
        new LineInFileAction(), new TomlAction(), new ServiceAction(), new FetchAction()));
  }
}

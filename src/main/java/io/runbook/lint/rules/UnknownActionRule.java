package io.runbook.lint.rules;

/** A task whose action is not one of runbook's actions (or a misspelt task keyword). */
final class UnknownActionRule extends LoaderRule {
  UnknownActionRule() {
    super("unknown-action", "a task names an action that does not exist");
  }

  @Override
  String code() {
    return "unknown-action";
  }
}

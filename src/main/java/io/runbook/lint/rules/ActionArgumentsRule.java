package io.runbook.lint.rules;

/** Arguments that the action would refuse. */
final class ActionArgumentsRule extends LoaderRule {
  ActionArgumentsRule() {
    super("action-arguments", "an action is given an argument it does not take, misses a required one, or gets a wrong type");
  }

  @Override
  String code() {
    return io.runbook.action.ArgSpec.ARGUMENTS;
  }
}

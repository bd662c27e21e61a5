package io.runbook.lint.rules;

/** A notify that would reach no handler: a typo, or a handler in another play. */
final class NotifyMissingHandlerRule extends LoaderRule {
  NotifyMissingHandlerRule() {
    super("notify-missing-handler", "notify names a handler that does not exist");
  }

  @Override
  String code() {
    return "notify-missing-handler";
  }
}

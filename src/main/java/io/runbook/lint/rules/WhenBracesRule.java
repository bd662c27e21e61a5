package io.runbook.lint.rules;

/** Guards are bare expressions; Ansible warns about templated conditionals, runbook refuses them. */
final class WhenBracesRule extends LoaderRule {
  WhenBracesRule() {
    super("when-braces", "a guard (when, until, failed_when, changed_when) is wrapped in {{ }}");
  }

  @Override
  String code() {
    return "when-braces";
  }
}

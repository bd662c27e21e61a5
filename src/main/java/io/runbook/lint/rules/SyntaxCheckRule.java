package io.runbook.lint.rules;

/** A structural mistake the loader refuses (runbook run would exit 4 before touching a host). */
final class SyntaxCheckRule extends LoaderRule {
  SyntaxCheckRule() {
    super("syntax-check", "the playbook or task file is not what runbook run accepts: unknown keys, wrong types, missing required keys");
  }

  @Override
  String code() {
    return null;
  }
}

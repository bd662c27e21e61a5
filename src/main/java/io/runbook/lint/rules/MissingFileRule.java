package io.runbook.lint.rules;

/** A static import or vars file that is not there. */
final class MissingFileRule extends LoaderRule {
  MissingFileRule() {
    super("missing-file", "an imported playbook, task file or vars file does not exist");
  }

  @Override
  String code() {
    return "missing-file";
  }
}

package io.runbook.lint.rules;

import io.runbook.lint.LintRule;
import java.util.ArrayList;
import java.util.List;

/** Every lint rule, in the order the docs list them. */
public final class Rules {
  private Rules() {}

  public static List<LintRule> all() {
    List<LintRule> out = new ArrayList<>();
    out.addAll(List.of(new YamlSyntaxRule(), new SyntaxCheckRule(), new UnknownActionRule(),
        new ActionArgumentsRule(), new ExpressionSyntaxRule(), new MissingFileRule(),
        new NotifyMissingHandlerRule(), new WhenBracesRule(), new YamlTruthyRule(), new YamlTabsRule(),
        new YamlOctalModeRule()));
    out.addAll(TaskRules.all());
    out.addAll(FleetRules.all());
    out.addAll(SchemaRules.all());
    return out;
  }

  /**
   * Starts the rules' costly one-time preparation (compiling the JSON schemas) on another
   * thread, for a lint that is about to run: call it as early as the command is known.
   */
  public static void prepareInBackground() {
    Schemas.compileInBackground();
  }
}

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
   * Starts the one-time preparation a lint needs (the JSON schemas read, the expression engine
   * built) on another thread, for a lint about to run: call it as soon as the command is known.
   */
  public static void prepareInBackground() {
    Thread prepare = new Thread(() -> {
      Schemas.readAll();
      // builds the engine every Expressions shares, and warms its parser
      new io.runbook.expr.Expressions().rootVariables("prepared");
    }, "runbook-lint-prepare");
    prepare.setDaemon(true);
    prepare.start();
  }
}

package io.runbook.expr;

import org.apache.commons.jexl3.JexlBuilder;
import org.apache.commons.jexl3.JexlEngine;
import org.apache.commons.jexl3.JexlFeatures;
import org.apache.commons.jexl3.introspection.JexlPermissions;
import org.apache.commons.jexl3.introspection.JexlSandbox;

/**
 * Builds the one JEXL engine that evaluates lowered expressions, locked down in three layers
 * (see style-anchors §3.7):
 * <ol>
 *   <li>features: expressions only (no scripts, loops, assignments, lambdas, local variables,
 *       pragmas, {@code new}, method calls on values, literals of structures);
 *   <li>permissions: nothing but {@link Runtime}, the {@code rb:} namespace;
 *   <li>a block-by-default sandbox that lets through Runtime's own methods and nothing of
 *       {@code Object}.
 * </ol>
 * The source it compiles is written by {@link Lowering}, never by a playbook: it holds calls to
 * {@code rb:} and integers that index the expression's constants. {@code safe(false)} matters:
 * with JEXL's default {@code safe(true)} a refused call quietly evaluates to null.
 */
final class SandboxedEngine {
  private static final String[] OBJECT_METHODS =
      {"getClass", "hashCode", "equals", "toString", "wait", "notify", "notifyAll"};

  private SandboxedEngine() {}

  /** Thread-safe; its cache of parsed sources serves the loader, the run and lint alike. */
  static final JexlEngine ENGINE = create();

  private static JexlEngine create() {
    JexlFeatures features = JexlFeatures.createNone()
        .script(false)
        .methodCall(false)
        .newInstance(false)
        .sideEffect(false)
        .sideEffectGlobal(false)
        .loops(false)
        .lambda(false)
        .localVar(false)
        .pragma(false)
        .annotation(false)
        .structuredLiteral(false);
    JexlPermissions permissions = JexlPermissions.NONE.compose(
        "java.lang +{ +Integer{} }",
        "io.runbook.expr +{ +Runtime{} }");
    JexlSandbox sandbox = new JexlSandbox(false, true);
    JexlSandbox.Permissions p = sandbox.block(Runtime.class.getName());
    for (String m : OBJECT_METHODS) {
      p.execute().add(m);
    }
    p.read().add("class");
    return new JexlBuilder()
        .features(features)
        .permissions(permissions)
        .sandbox(sandbox)
        .strict(true)
        .safe(false)
        .silent(false)
        .antish(false)
        .cancellable(true)
        .stackOverflow(1024)
        .cache(4096)
        .create();
  }
}

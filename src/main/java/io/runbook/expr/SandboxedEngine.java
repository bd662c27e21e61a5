package io.runbook.expr;

import java.util.HashMap;
import java.util.Map;
import org.apache.commons.jexl3.JexlBuilder;
import org.apache.commons.jexl3.JexlEngine;
import org.apache.commons.jexl3.JexlFeatures;
import org.apache.commons.jexl3.introspection.JexlPermissions;
import org.apache.commons.jexl3.introspection.JexlSandbox;

/**
 * Builds the one JEXL engine, locked down in three layers (see style-anchors §3.7):
 * <ol>
 *   <li>features: expressions only (no scripts, loops, assignments, lambdas, local variables,
 *       pragmas, {@code new}, method calls on values); functions only through namespaces;
 *   <li>permissions: nothing of the JDK but java.util collections and boxed values, plus our
 *       function classes;
 *   <li>a block-by-default sandbox: maps and lists may be read (but not their {@code class}),
 *       function classes may be called (but not {@code getClass}), everything else is refused.
 * </ol>
 * {@code safe(false)} matters: with JEXL's default {@code safe(true)} a refused call quietly
 * evaluates to null instead of failing.
 */
final class SandboxedEngine {
  private static final String[] OBJECT_METHODS =
      {"getClass", "hashCode", "equals", "toString", "wait", "notify", "notifyAll"};

  private SandboxedEngine() {}

  /**
   * The engine every {@link Expressions} shares: it is thread-safe, its cache of parsed
   * expressions then serves the loader, the run and lint alike, and it is built once.
   */
  static final JexlEngine ENGINE = create();

  /** The variable paths an expression reads, e.g. [[r, stdout], [x]]. */
  static java.util.Set<java.util.List<String>> variables(String expression) {
    return ENGINE.createScript(Rewrites.apply(expression)).getVariables();
  }

  private static JexlEngine create() {
    JexlFeatures features = JexlFeatures.createNone()
        .structuredLiteral(true)
        .arrayReferenceExpr(true)
        .script(false)
        .methodCall(false)
        .newInstance(false)
        .sideEffect(false)
        .sideEffectGlobal(false)
        .loops(false)
        .lambda(false)
        .localVar(false)
        .pragma(false)
        .annotation(false);
    JexlPermissions permissions = JexlPermissions.NONE.compose(
        "java.util +{}",
        "java.lang +{ +String{} +Number{} +Long{} +Integer{} +Double{} +Float{} +Boolean{}"
            + " +Character{} +Short{} +Byte{} }",
        "java.math +{ +BigInteger{} +BigDecimal{} }",
        "io.runbook.expr +{ +Functions{} +FilterFunctions{} +VersionFunctions{} +LazyMap{} }");
    JexlSandbox sandbox = new JexlSandbox(false, true);
    for (String collection : new String[] {"java.util.Map", "java.util.List", "java.util.Set"}) {
      sandbox.block(collection).read().add("class");
      for (String m : OBJECT_METHODS) {
        sandbox.get(collection).execute().add(m);
      }
    }
    for (Class<?> fn : new Class<?>[] {Functions.class, FilterFunctions.class, VersionFunctions.class}) {
      JexlSandbox.Permissions p = sandbox.block(fn.getName());
      for (String m : OBJECT_METHODS) {
        p.execute().add(m);
      }
      p.read().add("class");
    }
    Map<String, Object> namespaces = new HashMap<>();
    namespaces.put(null, new Functions());
    namespaces.put("version", new VersionFunctions());
    return new JexlBuilder()
        .features(features)
        .permissions(permissions)
        .sandbox(sandbox)
        .namespaces(namespaces)
        .arithmetic(new GuardArithmetic(true))
        .strict(true)
        .safe(false)
        .silent(false)
        .antish(false)
        .cancellable(true)
        .stackOverflow(256)
        .cache(1024)
        .create();
  }
}

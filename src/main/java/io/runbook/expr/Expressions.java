package io.runbook.expr;

import io.runbook.source.Diagnostic;
import io.runbook.source.SourcePosition;
import io.runbook.yaml.YNode;
import java.util.List;
import java.util.Map;

/** PLACEHOLDER API for the expr helper to replace; not part of any landing. */
public final class Expressions {
  public Object evaluate(String expression, SourcePosition at, Map<String, Object> vars) {
    throw new IllegalStateException("pending");
  }

  public boolean test(String guard, SourcePosition at, Map<String, Object> vars) {
    throw new IllegalStateException("pending");
  }

  public static boolean truthy(Object value) {
    throw new IllegalStateException("pending");
  }

  public Object render(YNode node, Map<String, Object> vars) {
    throw new IllegalStateException("pending");
  }

  public Object renderString(String text, SourcePosition at, Map<String, Object> vars) {
    throw new IllegalStateException("pending");
  }

  public static boolean isTemplate(String text) {
    throw new IllegalStateException("pending");
  }

  public List<Diagnostic> checkExpression(String expression, SourcePosition at) {
    throw new IllegalStateException("pending");
  }

  public List<Diagnostic> checkTemplates(YNode node) {
    throw new IllegalStateException("pending");
  }
}

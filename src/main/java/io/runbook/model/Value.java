package io.runbook.model;

import io.runbook.expr.ExpressionException;
import io.runbook.source.SourcePosition;

/**
 * A keyword's value as the loader left it: a literal already checked by its {@link Rule}, or a
 * template (compiled when the playbook loaded) that is rendered for each host and checked then by
 * the same rule. The run asks for the value and never parses the YAML again.
 *
 * @param <T> what the keyword means: a count, a duration, a percentage, a batch size
 */
public sealed interface Value<T> permits Value.Literal, Value.Template {

  /** The value for the host at hand; a template's value that breaks the rule is an error at its place. */
  T get(Renderer renderer);

  static <T> Value<T> of(T value) {
    return new Literal<>(value);
  }

  /** Renders a template with the variables of the host at hand (exec gives one per scope). */
  @FunctionalInterface
  interface Renderer {
    Object render(String template, SourcePosition at);
  }

  /** Written as a value in the playbook, or a default: known when the playbook loads. */
  record Literal<T>(T value) implements Value<T> {
    @Override
    public T get(Renderer renderer) {
      return value;
    }
  }

  /**
   * Written with {@code {{ }}}: known per host.
   *
   * @param position where the template's text starts
   */
  record Template<T>(String text, SourcePosition position, Rule<T> rule) implements Value<T> {
    @Override
    public T get(Renderer renderer) {
      Object rendered = renderer.render(text, position);
      try {
        return rule.read(rendered);
      } catch (Rule.Refused e) {
        throw new ExpressionException(position, e.getMessage() + " (what " + text.strip() + " gave)");
      }
    }
  }
}

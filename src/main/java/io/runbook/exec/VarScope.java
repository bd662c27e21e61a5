package io.runbook.exec;

import io.runbook.expr.ExpressionException;
import io.runbook.expr.Expressions;
import io.runbook.source.SourcePosition;
import io.runbook.yaml.YNode;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The variables one host sees at one moment: layers searched from the highest precedence down,
 * each value rendered lazily (a var may refer to other vars, as in Ansible) and cached for the
 * life of this scope. Layers hold either {@link YNode}s (rendered with their positions) or plain
 * values (strings containing {@code {{ }}} are rendered too).
 *
 * <p>Read-only to its users; built per task and host, so caching is safe.
 */
final class VarScope extends AbstractMap<String, Object> implements io.runbook.expr.LazyMap.Source {

  /**
   * One precedence level and a name for its values' positions. Only a {@code templated} layer's
   * plain strings are rendered: text an operator wrote (inventory, extra vars). What came from
   * hosts (registered results, set_fact values, loop items, probes) is data and never is.
   */
  record Layer(String origin, Map<String, ?> values, boolean templated) {
    static Layer text(String origin, Map<String, ?> values) {
      return new Layer(origin, values, true);
    }

    static Layer data(String origin, Map<String, ?> values) {
      return new Layer(origin, values, false);
    }
  }

  private final Expressions expressions;
  private final List<Layer> layers; // highest precedence first
  private final Map<String, Object> cache = new HashMap<>();
  private final Set<String> resolving = new LinkedHashSet<>();

  VarScope(Expressions expressions, List<Layer> highestFirst) {
    this.expressions = expressions;
    this.layers = List.copyOf(highestFirst);
  }

  /** A scope with {@code extra} data on top of this one's layers (loop items, registered results). */
  VarScope with(String origin, Map<String, ?> extra) {
    List<Layer> more = new ArrayList<>(layers.size() + 1);
    more.add(Layer.data(origin, extra));
    more.addAll(layers);
    return new VarScope(expressions, more);
  }

  @Override
  public boolean containsKey(Object key) {
    for (Layer layer : layers) {
      if (layer.values().containsKey(key)) {
        return true;
      }
    }
    return false;
  }

  @Override
  public Object get(Object key) {
    if (!(key instanceof String name)) {
      return null;
    }
    if (cache.containsKey(name)) {
      return cache.get(name);
    }
    for (Layer layer : layers) {
      if (layer.values().containsKey(name)) {
        Object value = resolve(name, layer, layer.values().get(name));
        cache.put(name, value);
        return value;
      }
    }
    return null;
  }

  private Object resolve(String name, Layer layer, Object raw) {
    if (raw instanceof io.runbook.yaml.UnsafeText u) {
      return u.text(); // !unsafe in an inventory: its text, never templated
    }
    if (!needsRendering(raw) || !layer.templated() && !(raw instanceof YNode)) {
      return raw;
    }
    if (!resolving.add(name)) {
      throw new ExpressionException(positionOf(raw, layer),
          "variable '" + name + "' refers to itself (" + String.join(" -> ", resolving) + " -> " + name + ")");
    }
    try {
      if (raw instanceof YNode node) {
        return expressions.render(node, this);
      }
      return renderPlain(raw, SourcePosition.none(layer.origin() + " variable '" + name + "'"));
    } finally {
      resolving.remove(name);
    }
  }

  private Object renderPlain(Object value, SourcePosition at) {
    if (value instanceof io.runbook.yaml.UnsafeText u) {
      return u.text();
    }
    if (value instanceof String s) {
      return Expressions.isTemplate(s) ? expressions.renderString(s, at, this) : s;
    }
    if (value instanceof Map<?, ?> m) {
      Map<String, Object> out = new LinkedHashMap<>();
      m.forEach((k, v) -> out.put(String.valueOf(k), renderPlain(v, at)));
      return out;
    }
    if (value instanceof List<?> l) {
      List<Object> out = new ArrayList<>(l.size());
      l.forEach(v -> out.add(renderPlain(v, at)));
      return out;
    }
    return value;
  }

  private static boolean needsRendering(Object raw) {
    if (raw instanceof io.runbook.expr.LazyMap) {
      return false; // hostvars and other scopes render their own values, when asked
    }
    if (raw instanceof YNode || raw instanceof io.runbook.yaml.UnsafeText) {
      return true; // an unsafe text is turned into its plain text, never templated
    }
    if (raw instanceof String s) {
      return s.contains("{{");
    }
    if (raw instanceof Map<?, ?> m) {
      return m.values().stream().anyMatch(VarScope::needsRendering);
    }
    if (raw instanceof List<?> l) {
      return l.stream().anyMatch(VarScope::needsRendering);
    }
    return false;
  }

  private static SourcePosition positionOf(Object raw, Layer layer) {
    return raw instanceof YNode n ? n.position() : SourcePosition.none(layer.origin());
  }

  @Override
  public boolean has(String name) {
    return containsKey(name);
  }

  @Override
  public Object get(String name) {
    return get((Object) name);
  }

  /** Every name visible; renders nothing. */
  @Override
  public Set<String> names() {
    Set<String> names = new LinkedHashSet<>();
    for (Layer layer : layers) {
      names.addAll(layer.values().keySet());
    }
    return names;
  }

  /** Every variable, rendered: for dumps only, as it renders them all. */
  @Override
  public Set<Entry<String, Object>> entrySet() {
    Map<String, Object> all = new LinkedHashMap<>();
    for (String n : names()) {
      all.put(n, get(n));
    }
    return all.entrySet();
  }
}

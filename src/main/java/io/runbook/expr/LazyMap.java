package io.runbook.expr;

import java.util.AbstractMap;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * A read-only map whose values are computed when asked: how {@code hostvars} and a host's
 * variables reach expressions. JEXL's permissions allow this class (and java.util), not the
 * engine's own classes, so the engine wraps what it exposes in one.
 *
 * <p>Identity equality and a short {@code toString}: walking every entry would render every
 * variable of every host.
 */
public final class LazyMap extends AbstractMap<String, Object> {

  /** Where the values come from. */
  public interface Source {
    Object get(String name);

    boolean has(String name);

    Set<String> names();
  }

  private final Source source;

  private LazyMap(Source source) {
    this.source = source;
  }

  public static LazyMap of(Source source) {
    return new LazyMap(source);
  }

  @Override
  public Object get(Object key) {
    return key instanceof String s ? source.get(s) : null;
  }

  @Override
  public boolean containsKey(Object key) {
    return key instanceof String s && source.has(s);
  }

  @Override
  public Set<Entry<String, Object>> entrySet() {
    Set<Entry<String, Object>> out = new LinkedHashSet<>();
    for (String name : source.names()) {
      out.add(new SimpleImmutableEntry<>(name, source.get(name)));
    }
    return out;
  }

  @Override
  public int hashCode() {
    return System.identityHashCode(this);
  }

  @Override
  public boolean equals(Object o) {
    return this == o;
  }

  @Override
  public String toString() {
    return "{...}";
  }
}

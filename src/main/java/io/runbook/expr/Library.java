package io.runbook.expr;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The fixed tables of what expressions may call: filters ({@code x | f}), tests
 * ({@code x is t}), functions ({@code range(3)}, {@code version:ge(a, b)}) and methods on
 * strings, mappings and lists ({@code s.startswith('v')}). Nothing is found by reflection: a
 * name is in a table or it is an error when the playbook loads. Built once; immutable.
 */
final class Library {
  static final Library STANDARD = build();

  /** Names Ansible has that runbook refuses on purpose, with the reason. */
  static final Map<String, String> REFUSED = Map.of(
      "random", "it gives another value on every run, so a plan could not be held to it",
      "shuffle", "it gives another order on every run, so a plan could not be held to it",
      "password_hash", "it is not deterministic; compute hashes outside the playbook",
      "query", "lookups other than lookup('env', NAME) reach outside the sandbox",
      "q", "lookups other than lookup('env', NAME) reach outside the sandbox",
      "exists", "it reads the controller's file system; use a stat-like task instead",
      "file", "it reads the controller's file system; use a stat-like task instead",
      "directory", "it reads the controller's file system; use a stat-like task instead");

  private final Map<String, Callable> filters = new LinkedHashMap<>();
  private final Map<String, Callable> tests = new LinkedHashMap<>();
  private final Map<String, Callable> functions = new LinkedHashMap<>();
  private final Map<String, Callable> methods = new LinkedHashMap<>();

  private Library() {}

  private static Library build() {
    Library lib = new Library();
    TextFilters.register(lib);
    CollectionFilters.register(lib);
    DataFilters.register(lib);
    Tests.register(lib);
    Methods.register(lib);
    Functions.register(lib);
    return lib;
  }

  Callable filter(String name) {
    return filters.get(name);
  }

  Callable test(String name) {
    return tests.get(name);
  }

  Callable function(String name) {
    return functions.get(name);
  }

  Callable method(String name) {
    return methods.get(name);
  }

  Set<String> filterNames() {
    return Collections.unmodifiableSet(filters.keySet());
  }

  Set<String> testNames() {
    return Collections.unmodifiableSet(tests.keySet());
  }

  Set<String> functionNames() {
    return Collections.unmodifiableSet(functions.keySet());
  }

  Set<String> methodNames() {
    return Collections.unmodifiableSet(methods.keySet());
  }

  void filter(String name, String params, int required, Callable.Impl impl) {
    put(filters, new Callable(name, split(params), required, false, impl));
  }

  /** A filter that takes an undefined value without failing ({@code default}, {@code mandatory}). */
  void lenientFilter(String name, String params, int required, Callable.Impl impl) {
    put(filters, new Callable(name, split(params), required, true, impl));
  }

  void test(String name, String params, int required, Callable.Impl impl) {
    put(tests, new Callable(name, split(params), required, false, impl));
  }

  void lenientTest(String name, String params, int required, Callable.Impl impl) {
    put(tests, new Callable(name, split(params), required, true, impl));
  }

  void function(String name, String params, int required, Callable.Impl impl) {
    put(functions, new Callable(name, split(params), required, false, impl));
  }

  void method(String name, String params, int required, Callable.Impl impl) {
    put(methods, new Callable(name, split(params), required, false, impl));
  }

  /** More names for an entry of the same table. */
  void alias(Map<String, Callable> table, String existing, String... names) {
    Callable c = table.get(existing);
    for (String n : names) {
      put(table, new Callable(n, c.params(), c.required(), c.undefinedOk(), c.impl()));
    }
  }

  void filterAlias(String existing, String... names) {
    alias(filters, existing, names);
  }

  void testAlias(String existing, String... names) {
    alias(tests, existing, names);
  }

  private static void put(Map<String, Callable> table, Callable c) {
    if (table.putIfAbsent(c.name(), c) != null) {
      throw new IllegalStateException("defined twice: " + c.name());
    }
  }

  private static List<String> split(String params) {
    return params.isBlank() ? List.of() : Arrays.stream(params.split(",")).map(String::strip).toList();
  }

  /** The closest name, for "did you mean": at most two edits away. */
  static String nearest(String name, Iterable<String> candidates) {
    return io.runbook.source.Suggestions.nearest(name, candidates);
  }
}

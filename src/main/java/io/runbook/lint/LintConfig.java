package io.runbook.lint;

import io.runbook.source.InvalidInputException;
import io.runbook.source.SourcePosition;
import io.runbook.yaml.YList;
import io.runbook.yaml.YMap;
import io.runbook.yaml.YNode;
import io.runbook.yaml.YScalar;
import io.runbook.yaml.YamlReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code .runbook-lint.yml}: {@code profile}, {@code skip_list} (rules not run),
 * {@code warn_list} (rules that only warn), {@code exclude_paths} (files and folders not
 * linted). A mistake in it is an invalid config: lint exits 3 naming file:line:col.
 */
public record LintConfig(Profile profile, Set<String> skip, Set<String> warn, List<String> excludes,
    Path file) {
  public static final String FILE_NAME = ".runbook-lint.yml";
  private static final Set<String> KEYS = Set.of("profile", "skip_list", "warn_list", "exclude_paths");

  public static LintConfig defaults() {
    return new LintConfig(Profile.PRODUCTION, Set.of(), Set.of(), List.of(), null);
  }

  /** Reads {@code file}; {@code known} are the rule ids the lists may name. */
  public static LintConfig read(Path file, Set<String> known) {
    YNode root = YamlReader.read(file);
    if (root instanceof YScalar s && s.isNull()) {
      return new LintConfig(Profile.PRODUCTION, Set.of(), Set.of(), List.of(), file);
    }
    if (!(root instanceof YMap map)) {
      throw new InvalidInputException(root.position(), "the lint config must be a mapping");
    }
    for (YMap.Entry e : map.entries()) {
      if (!KEYS.contains(e.name())) {
        throw new InvalidInputException(e.key().position(), "unknown key '" + e.name()
            + "' in the lint config; the keys are " + String.join(", ", new java.util.TreeSet<>(KEYS)));
      }
    }
    Profile profile = Profile.PRODUCTION;
    if (map.has("profile")) {
      YNode p = map.get("profile");
      profile = p instanceof YScalar s ? Profile.named(String.valueOf(s.value())) : null;
      if (profile == null) {
        throw new InvalidInputException(p.position(), "profile must be one of min, basic, safety, production");
      }
    }
    return new LintConfig(profile, ids(map.get("skip_list"), known), ids(map.get("warn_list"), known),
        strings(map.get("exclude_paths")), file);
  }

  private static Set<String> ids(YNode node, Set<String> known) {
    Set<String> out = new java.util.LinkedHashSet<>();
    for (YScalar s : scalars(node)) {
      String id = String.valueOf(s.value());
      if (!known.contains(id)) {
        throw new InvalidInputException(s.position(), "no lint rule '" + id + "' (runbook lint --list-rules)");
      }
      out.add(id);
    }
    return out;
  }

  private static List<String> strings(YNode node) {
    return scalars(node).stream().map(s -> String.valueOf(s.value())).toList();
  }

  private static List<YScalar> scalars(YNode node) {
    List<YScalar> out = new ArrayList<>();
    if (node == null || node instanceof YScalar s && s.isNull()) {
      return out;
    }
    if (!(node instanceof YList list)) {
      throw new InvalidInputException(node.position(), "expected a list");
    }
    for (YNode item : list.items()) {
      if (!(item instanceof YScalar s) || s.isNull()) {
        throw new InvalidInputException(item.position(), "expected a string");
      }
      out.add(s);
    }
    return out;
  }

  /** The config in {@code dir}, if there is one. */
  public static Path find(Path dir) {
    Path f = dir.resolve(FILE_NAME);
    return Files.isRegularFile(f) ? f : null;
  }

  public SourcePosition where() {
    return file == null ? SourcePosition.none("<defaults>") : SourcePosition.none(file.toString());
  }
}

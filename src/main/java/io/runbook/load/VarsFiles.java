package io.runbook.load;

import io.runbook.source.Diagnostics;
import io.runbook.source.InvalidInputException;
import io.runbook.yaml.YMap;
import io.runbook.yaml.YNode;
import io.runbook.yaml.YScalar;
import io.runbook.yaml.YamlReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reads a vars file: a YAML mapping of variable names to values. */
public final class VarsFiles {
  private VarsFiles() {}

  /** Reads and checks; problems go to {@code in}, and null comes back. */
  static Map<String, YNode> read(Path path, YNode reference, NodeReader in) {
    if (!Files.exists(path)) {
      in.error("missing-file", reference, "vars file " + path + " does not exist");
      return null;
    }
    try {
      return read(path);
    } catch (InvalidInputException e) {
      in.diagnostics().addAll(e.diagnostics());
      return null;
    }
  }

  /** Reads a vars file or throws {@link InvalidInputException}. */
  public static Map<String, YNode> read(Path path) {
    YNode root = YamlReader.read(path);
    Map<String, YNode> vars = new LinkedHashMap<>();
    if (root instanceof YScalar s && s.isNull()) {
      return vars;
    }
    if (!(root instanceof YMap m)) {
      Diagnostics d = new Diagnostics();
      d.error(root.position(), "a vars file must be a mapping of names to values, not " + root.describe());
      d.throwIfErrors();
      return vars;
    }
    for (YMap.Entry e : m.entries()) {
      vars.put(e.name(), e.value());
    }
    return vars;
  }
}

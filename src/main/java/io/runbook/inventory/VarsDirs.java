package io.runbook.inventory;

import io.runbook.source.InvalidInputException;
import io.runbook.source.SourcePosition;
import io.runbook.yaml.YMap;
import io.runbook.yaml.YNode;
import io.runbook.yaml.YScalar;
import io.runbook.yaml.YamlReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * {@code group_vars/} and {@code host_vars/} beside the inventory: {@code <name>.yml},
 * {@code .yaml}, {@code .json} or no extension, or a folder {@code <name>/} whose files merge
 * in name order.
 */
final class VarsDirs {
  private VarsDirs() {}

  static void read(Path inventory, InventoryBuilder out) {
    Path dir = inventory.toAbsolutePath().getParent();
    if (dir == null) {
      return;
    }
    for (Group g : out.groups.values()) {
      g.fileVars.putAll(varsFor(dir.resolve("group_vars"), g.name, out));
    }
    for (String host : out.hosts.keySet()) {
      Map<String, Object> v = varsFor(dir.resolve("host_vars"), host, out);
      if (!v.isEmpty()) {
        out.hostFileVars.put(host, v);
      }
    }
  }

  private static Map<String, Object> varsFor(Path base, String name, InventoryBuilder out) {
    Map<String, Object> vars = new LinkedHashMap<>();
    if (!Files.isDirectory(base)) {
      return vars;
    }
    for (Path f : files(base, name)) {
      try {
        YNode root = YamlReader.read(f);
        if (root instanceof YMap m) {
          PortCheck.check(m, out.diagnostics);
          m.entries().forEach(e -> vars.put(e.name(), io.runbook.yaml.UnsafeText.plain(e.value())));
        } else if (!(root instanceof YScalar s && s.isNull())) {
          out.diagnostics.error(root.position(), "a vars file must be a mapping of names to values");
        }
      } catch (InvalidInputException e) {
        out.diagnostics.addAll(e.diagnostics());
      }
    }
    return vars;
  }

  private static List<Path> files(Path base, String name) {
    List<Path> out = new ArrayList<>();
    for (String ext : new String[] {"", ".yml", ".yaml", ".json"}) {
      Path f = base.resolve(name + ext);
      if (Files.isRegularFile(f)) {
        out.add(f);
      }
    }
    Path folder = base.resolve(name);
    if (Files.isDirectory(folder)) {
      try (Stream<Path> s = Files.list(folder)) {
        s.filter(Files::isRegularFile).sorted().forEach(out::add);
      } catch (IOException e) {
        throw new InvalidInputException(SourcePosition.none(folder.toString()),
            "cannot read folder: " + e.getMessage());
      }
    }
    return out;
  }
}

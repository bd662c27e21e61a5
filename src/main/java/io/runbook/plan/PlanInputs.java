package io.runbook.plan;

import io.runbook.inventory.Inventory;
import io.runbook.model.ActionTask;
import io.runbook.model.BlockTask;
import io.runbook.model.Play;
import io.runbook.model.Playbook;
import io.runbook.model.TaskNode;
import io.runbook.transport.Checksums;
import io.runbook.yaml.YNode;
import io.runbook.yaml.YScalar;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Every input that decides what a run does, as digests: each file the playbook loads (itself,
 * imported task and vars files, the templates and files its tasks name literally) by its path
 * from the playbook's folder; the inventory as it resolved (groups, and every host's variables,
 * wherever they were written); the extra vars; and the options. Two plans with equal
 * inputs are the same plan, whatever folder or inventory path they were made from.
 */
public record PlanInputs(Map<String, String> files, String inventory, String extraVars, PlanOptions options) {
  public PlanInputs {
    files = java.util.Collections.unmodifiableMap(new TreeMap<>(files));
  }

  static PlanInputs of(Playbook playbook, Inventory inventory, PlanOptions options) {
    Map<String, String> files = new TreeMap<>();
    for (Path p : playbook.sources()) {
      files.put(playbook.fromBaseDir(p), fileDigest(p));
    }
    for (Play play : playbook.plays()) {
      for (List<TaskNode> section : List.of(play.beforeBatch(), play.preTasks(), play.tasks(),
          play.postTasks(), play.handlers(), play.afterBatch())) {
        namedFiles(section, playbook, files);
      }
    }
    Map<String, Object> resolved = new TreeMap<>();
    for (String host : inventory.hosts()) {
      resolved.put(host, inventory.hostVars(host));
    }
    String inv = Canonical.of(Map.of("groups", inventory.groups(), "hosts", resolved));
    return new PlanInputs(files, digest(inv), digest(Canonical.of(options.extraVars())), options);
  }

  /** Where the shuffle of {@code order: shuffle} starts: the same inputs, the same order. */
  public long seed() {
    return Long.parseUnsignedLong(digest(canonical()).substring(0, 15), 16);
  }

  /** These inputs as one text: the files' digests, the inventory's, the extra vars', the options. */
  String canonical() {
    Map<String, Object> all = new TreeMap<>();
    all.put("files", files);
    all.put("inventory", inventory);
    all.put("extra_vars", extraVars);
    all.put("check", options.checkMode());
    all.put("diff", options.diff());
    all.put("forks", options.forks());
    all.put("limit", options.limit());
    all.put("tags", options.tags());
    all.put("skip_tags", options.skipTags());
    return Canonical.of(all);
  }

  /** The files that template and copy tasks name literally (a templated path is known only at run time). */
  private static void namedFiles(List<TaskNode> nodes, Playbook playbook, Map<String, String> files) {
    for (TaskNode n : nodes) {
      if (n instanceof BlockTask b) {
        namedFiles(b.block(), playbook, files);
        namedFiles(b.rescue(), playbook, files);
        namedFiles(b.always(), playbook, files);
      } else if (n instanceof ActionTask t && (t.action().equals("template") || t.action().equals("copy"))) {
        YNode src = t.args().get("src");
        if (src instanceof YScalar s && s.value() instanceof String text && !text.contains("{{")) {
          Path dir = Path.of(t.options().position().file()).toAbsolutePath().getParent();
          Path file = (dir != null ? dir : playbook.baseDir()).resolve(text).normalize();
          if (Files.isRegularFile(file)) {
            files.put(playbook.fromBaseDir(file), fileDigest(file));
          }
        }
      }
    }
  }

  private static String fileDigest(Path p) {
    try {
      return Checksums.sha256(Files.readAllBytes(p));
    } catch (IOException e) {
      return "unreadable";
    }
  }

  static String digest(String text) {
    return Checksums.sha256(text.getBytes(StandardCharsets.UTF_8));
  }

}

package io.runbook.plan;

import io.runbook.inventory.Inventory;
import io.runbook.model.ActionTask;
import io.runbook.model.BlockTask;
import io.runbook.model.Play;
import io.runbook.model.Playbook;
import io.runbook.model.TaskNode;
import io.runbook.yaml.YNode;
import io.runbook.yaml.YScalar;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
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
    Path base = playbook.baseDir();
    for (Path p : playbook.sources()) {
      files.put(shown(base, p), fileDigest(p));
    }
    for (Play play : playbook.plays()) {
      for (List<TaskNode> section : List.of(play.beforeBatch(), play.preTasks(), play.tasks(),
          play.postTasks(), play.handlers(), play.afterBatch())) {
        namedFiles(section, base, files);
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
  private static void namedFiles(List<TaskNode> nodes, Path base, Map<String, String> files) {
    for (TaskNode n : nodes) {
      if (n instanceof BlockTask b) {
        namedFiles(b.block(), base, files);
        namedFiles(b.rescue(), base, files);
        namedFiles(b.always(), base, files);
      } else if (n instanceof ActionTask t && (t.action().equals("template") || t.action().equals("copy"))) {
        YNode src = t.args().get("src");
        if (src instanceof YScalar s && s.value() instanceof String text && !text.contains("{{")) {
          Path dir = Path.of(t.options().position().file()).toAbsolutePath().getParent();
          Path file = (dir != null ? dir : base).resolve(text).normalize();
          if (Files.isRegularFile(file)) {
            files.put(shown(base, file), fileDigest(file));
          }
        }
      }
    }
  }

  private static String shown(Path base, Path file) {
    Path abs = file.toAbsolutePath().normalize();
    return base.toAbsolutePath().normalize().relativize(abs).toString();
  }

  private static String fileDigest(Path p) {
    try {
      return digest(Files.readAllBytes(p));
    } catch (IOException e) {
      return "unreadable";
    }
  }

  static String digest(String text) {
    return digest(text.getBytes(StandardCharsets.UTF_8));
  }

  private static String digest(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}

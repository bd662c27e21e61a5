package io.runbook.action;

import io.runbook.transport.Checksums;
import io.runbook.transport.FileStat;
import io.runbook.transport.Transport;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Puts content at a path on a host the way every file action does: compare by SHA-256, keep a
 * backup when asked, write atomically (the transport verifies the checksum and renames into
 * place), then set mode, owner and group. In check mode it only predicts. One implementation for
 * copy, template, lineinfile and toml.
 */
final class FilePut {
  private static final DateTimeFormatter BACKUP_STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd@HH:mm:ss");
  private static final int MAX_DIFF_BYTES = 512 * 1024;

  /** What to put and how. Null fields keep what is there. */
  record Request(String dest, byte[] content, Integer mode, String owner, String group,
      boolean backup, boolean force) {

    /** A request whose attributes come from the usual arguments (see ArgSpec.fileAttributes). */
    static Request of(ActionContext ctx, ActionArgs args, String dest, byte[] content, boolean force) {
      return new Request(dest, content, FileModes.parse(ctx, args.raw("mode")), args.string("owner"),
          args.string("group"), args.bool("backup", false), force);
    }
  }

  private FilePut() {}

  static ActionResult put(ActionContext ctx, Request r) {
    Transport t = ctx.transport();
    Optional<FileStat> existing = t.stat(r.dest());
    if (existing.isPresent() && existing.get().isDirectory()) {
      return ActionResult.failed(r.dest() + " is a directory", Map.of("dest", r.dest()));
    }
    byte[] before = existing.isPresent() ? t.read(r.dest()) : null;
    String checksum = Checksums.sha256(r.content());
    boolean contentChanges = before == null
        || r.force() && !Checksums.sha256(before).equals(checksum);
    boolean attributesChange = existing.isPresent() && attributesDiffer(existing.get(), r);
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("dest", r.dest());
    data.put("checksum", checksum);
    data.put("size", (long) r.content().length);
    if (r.mode() != null) {
      data.put("mode", FileModes.format(r.mode()));
    }
    boolean changed = contentChanges || attributesChange;
    List<FileDiff> diffs = ctx.diffMode() && contentChanges
        ? List.of(diff(r.dest(), before, r.content())) : List.of();
    if (!changed || ctx.checkMode()) {
      return ActionResult.of(changed, data).withDiffs(diffs);
    }
    if (contentChanges) {
      if (r.backup() && before != null) {
        String backupFile = r.dest() + "." + LocalDateTime.now().format(BACKUP_STAMP) + "~";
        t.writeAtomically(backupFile, before, existing.get().mode());
        data.put("backup_file", backupFile);
      }
      t.writeAtomically(r.dest(), r.content(), r.mode());
    } else if (r.mode() != null) {
      t.chmod(r.dest(), r.mode());
    }
    if (r.owner() != null || r.group() != null) {
      t.chown(r.dest(), r.owner(), r.group());
    }
    return ActionResult.of(true, data).withDiffs(diffs);
  }

  static boolean attributesDiffer(FileStat s, Request r) {
    return r.mode() != null && s.mode() != r.mode()
        || r.owner() != null && !r.owner().equals(s.owner())
        || r.group() != null && !r.group().equals(s.group());
  }

  static FileDiff diff(String path, byte[] before, byte[] after) {
    return new FileDiff(path, text(before), text(after));
  }

  private static String text(byte[] content) {
    if (content == null) {
      return null;
    }
    if (content.length > MAX_DIFF_BYTES) {
      return "(" + content.length + " bytes, too large to show)";
    }
    for (byte b : content) {
      if (b == 0) {
        return "(binary file, " + content.length + " bytes)";
      }
    }
    return new String(content, StandardCharsets.UTF_8);
  }
}

package io.runbook.action;

import io.runbook.transport.CommandResult;
import io.runbook.transport.CommandSpec;
import io.runbook.transport.FileStat;
import io.runbook.transport.Transport;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code file}: a path's state ({@code file}, {@code directory}, {@code absent}, {@code touch},
 * {@code link}) and its mode, owner and group; {@code recurse} applies them below a directory.
 */
public final class FileAction implements Action {
  private static final ArgSpec SPEC = ArgSpec.builder()
      .optional("path", ArgSpec.Type.STRING)
      .optional("dest", ArgSpec.Type.STRING)
      .optional("name", ArgSpec.Type.STRING)
      .choice("state", false, "file", "directory", "absent", "touch", "link")
      .optional("src", ArgSpec.Type.STRING)
      .optional("mode", ArgSpec.Type.ANY)
      .optional("owner", ArgSpec.Type.STRING)
      .optional("group", ArgSpec.Type.STRING)
      .optional("recurse", ArgSpec.Type.BOOL)
      .build();

  @Override
  public String name() {
    return "file";
  }

  @Override
  public ArgSpec spec() {
    return SPEC;
  }

  @Override
  public ActionResult execute(ActionContext ctx, Map<String, Object> rendered) {
    ActionArgs args = new ActionArgs(name(), rendered);
    String path = args.string("path", args.string("dest", args.string("name")));
    if (path == null || path.isBlank()) {
      throw new ActionException("'file' needs the argument 'path'");
    }
    Transport t = ctx.transport();
    Optional<FileStat> now = t.stat(path);
    String state = args.string("state", now.map(s -> s.isDirectory() ? "directory" : "file").orElse("file"));
    Integer mode = FileModes.parse(ctx, args.raw("mode"));
    String owner = args.string("owner");
    String group = args.string("group");
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("path", path);
    data.put("state", state);
    boolean changed;
    switch (state) {
      case "absent" -> {
        changed = now.isPresent();
        if (changed && !ctx.checkMode()) {
          t.delete(path);
        }
        return ActionResult.of(changed, data);
      }
      case "directory" -> {
        if (now.isPresent() && !now.get().isDirectory()) {
          return ActionResult.failed(path + " exists and is not a directory", data);
        }
        changed = now.isEmpty();
        if (changed && !ctx.checkMode()) {
          t.mkdirs(path, mode);
        }
      }
      case "file" -> {
        if (now.isEmpty()) {
          return ActionResult.failed(path + " does not exist (use state: touch to create it, or copy)", data);
        }
        changed = false;
      }
      case "touch" -> {
        changed = now.isEmpty();
        if (changed && !ctx.checkMode()) {
          t.writeAtomically(path, new byte[0], mode);
        }
      }
      case "link" -> {
        return link(ctx, args, path, data);
      }
      default -> throw new ActionException("unknown state '" + state + "'");
    }
    if (now.isPresent() && attributes(now.get(), mode, owner, group)) {
      changed = true;
      if (!ctx.checkMode()) {
        apply(t, path, mode, owner, group, false);
      }
    }
    if (args.bool("recurse", false) && state.equals("directory") && (mode != null || owner != null || group != null)) {
      // Whether anything below differs is not cheap to know; report what was asked as a change.
      if (!ctx.checkMode()) {
        apply(t, path, mode, owner, group, true);
      }
      changed = true;
    }
    if (mode != null) {
      data.put("mode", FileModes.format(mode));
    }
    return ActionResult.of(changed, data);
  }

  private static boolean attributes(FileStat s, Integer mode, String owner, String group) {
    return mode != null && s.mode() != mode || owner != null && !owner.equals(s.owner())
        || group != null && !group.equals(s.group());
  }

  private static void apply(Transport t, String path, Integer mode, String owner, String group,
      boolean recurse) {
    if (!recurse) {
      if (mode != null) {
        t.chmod(path, mode);
      }
      if (owner != null || group != null) {
        t.chown(path, owner, group);
      }
      return;
    }
    if (mode != null) {
      run(t, List.of("chmod", "-R", FileModes.format(mode), path));
    }
    if (owner != null || group != null) {
      run(t, List.of("chown", "-R", (owner == null ? "" : owner) + (group == null ? "" : ":" + group), path));
    }
  }

  private static void run(Transport t, List<String> argv) {
    CommandResult r = t.run(new CommandSpec(new ArrayList<>(argv), Map.of(), null, null, null));
    if (!r.succeeded()) {
      throw new ActionException(String.join(" ", argv) + " failed: " + r.stderr().strip());
    }
  }

  private static ActionResult link(ActionContext ctx, ActionArgs args, String path, Map<String, Object> data) {
    String src = args.string("src");
    if (src == null) {
      throw new ActionException("'file' with state: link needs 'src' (what the link points to)");
    }
    data.put("src", src);
    CommandResult current = ctx.transport().run(CommandSpec.of("readlink", path));
    boolean changed = !(current.succeeded() && current.stdout().strip().equals(src));
    if (changed && !ctx.checkMode()) {
      run(ctx.transport(), List.of("ln", "-sfn", src, path));
    }
    return ActionResult.of(changed, data);
  }
}

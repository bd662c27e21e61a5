package io.runbook.action;

import io.runbook.transport.FileStat;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code toml}: sets and removes keys in a TOML config (TiDB, Pump, Drainer) and keeps the rest
 * of the file as it was: comments, order and spacing. {@code set: {binlog.enable: true}} means
 * key {@code enable} in table {@code [binlog]}; a key already holding the value is no change.
 */
public final class TomlAction implements Action {
  private static final ArgSpec SPEC = ArgSpec.builder()
      .required("path", ArgSpec.Type.STRING)
      .optional("set", ArgSpec.Type.MAP)
      .optional("remove", ArgSpec.Type.LIST)
      .optional("create", ArgSpec.Type.BOOL)
      .fileAttributes()
      .build();

  @Override
  public String name() {
    return "toml";
  }

  @Override
  public ArgSpec spec() {
    return SPEC;
  }

  @Override
  public ActionResult execute(ActionContext ctx, Map<String, Object> rendered) {
    ActionArgs args = new ActionArgs(name(), rendered);
    String path = args.requiredString("path");
    Optional<FileStat> stat = ctx.transport().stat(path);
    if (stat.isEmpty() && !args.bool("create", false)) {
      return ActionResult.failed("file " + path + " does not exist (set create: true to create it)",
          Map.of("path", path));
    }
    String before = stat.isEmpty() ? "" : new String(ctx.transport().read(path), StandardCharsets.UTF_8);
    TomlDocument doc = new TomlDocument(before);
    List<String> changedKeys = new ArrayList<>();
    Object set = args.raw("set");
    if (set instanceof Map<?, ?> m) {
      for (Map.Entry<?, ?> e : m.entrySet()) {
        List<String> parts = TomlDocument.splitKey(String.valueOf(e.getKey()));
        List<String> table = parts.subList(0, parts.size() - 1);
        String key = parts.get(parts.size() - 1);
        if (doc.set(table, key, TomlValues.render(e.getValue()), e.getValue())) {
          changedKeys.add(String.valueOf(e.getKey()));
        }
      }
    }
    List<String> remove = args.stringList("remove");
    for (String k : remove == null ? List.<String>of() : remove) {
      List<String> parts = TomlDocument.splitKey(k);
      if (doc.remove(parts.subList(0, parts.size() - 1), parts.get(parts.size() - 1))) {
        changedKeys.add(k);
      }
    }
    ActionResult r = FilePut.put(ctx,
        FilePut.Request.of(ctx, args, path, doc.text().getBytes(StandardCharsets.UTF_8), true));
    Map<String, Object> data = new LinkedHashMap<>(r.data());
    data.put("path", path);
    data.put("changed_keys", changedKeys);
    return new ActionResult(r.status(), r.message(), data, r.facts(), r.diffs());
  }
}

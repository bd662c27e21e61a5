package io.runbook.action;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** {@code copy}: a controller file ({@code src}) or literal {@code content} to {@code dest}. */
public final class CopyAction implements Action {
  private static final ArgSpec SPEC = ArgSpec.builder()
      .optional("src", ArgSpec.Type.STRING)
      .optional("content", ArgSpec.Type.ANY)
      .required("dest", ArgSpec.Type.STRING)
      .fileAttributes()
      .optional("force", ArgSpec.Type.BOOL)
      .build();

  @Override
  public String name() {
    return "copy";
  }

  @Override
  public ArgSpec spec() {
    return SPEC;
  }

  @Override
  public ActionResult execute(ActionContext ctx, Map<String, Object> rendered) {
    ActionArgs args = new ActionArgs(name(), rendered);
    if (args.has("src") == args.has("content")) {
      throw new ActionException("'copy' takes exactly one of 'src' and 'content'");
    }
    String dest = args.requiredString("dest");
    byte[] content;
    String srcName = null;
    if (args.has("src")) {
      Path src = ctx.baseDir().resolve(args.string("src"));
      srcName = src.getFileName().toString();
      try {
        content = Files.readAllBytes(src);
      } catch (IOException e) {
        return ActionResult.failed("cannot read src " + src + " on the controller: "
            + (e instanceof java.nio.file.NoSuchFileException ? "no such file" : e.getMessage()), Map.of());
      }
    } else {
      Object c = args.raw("content");
      content = (c instanceof String s ? s : io.runbook.expr.Expressions.json(c))
          .getBytes(StandardCharsets.UTF_8);
    }
    if (dest.endsWith("/") || ctx.transport().stat(dest).map(s -> s.isDirectory()).orElse(false)) {
      if (srcName == null) {
        throw new ActionException("dest " + dest + " is a directory; with 'content' give a file path");
      }
      dest = (dest.endsWith("/") ? dest : dest + "/") + srcName;
    }
    ActionResult r = FilePut.put(ctx, FilePut.Request.of(ctx, args, dest, content, args.bool("force", true)));
    if (srcName != null) {
      r.data().put("src", args.string("src"));
    }
    return r;
  }
}

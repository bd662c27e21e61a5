package io.runbook.action;

import io.runbook.expr.Expressions;
import io.runbook.source.SourcePosition;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * {@code template}: a controller text file whose {@code {{ expr }}} parts are rendered with the
 * host's variables, then put at {@code dest} like {@code copy}. An error in the template names
 * the template file and the expression's line and column.
 */
public final class TemplateAction implements Action {
  private static final ArgSpec SPEC = ArgSpec.builder()
      .required("src", ArgSpec.Type.STRING)
      .required("dest", ArgSpec.Type.STRING)
      .fileAttributes()
      .optional("force", ArgSpec.Type.BOOL)
      .build();

  @Override
  public String name() {
    return "template";
  }

  @Override
  public ArgSpec spec() {
    return SPEC;
  }

  @Override
  public ActionResult execute(ActionContext ctx, Map<String, Object> rendered) {
    ActionArgs args = new ActionArgs(name(), rendered);
    Path src = ctx.baseDir().resolve(args.requiredString("src"));
    String text;
    try {
      text = Files.readString(src, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return ActionResult.failed("cannot read template " + src + " on the controller: "
          + (e instanceof java.nio.file.NoSuchFileException ? "no such file" : e.getMessage()), Map.of());
    }
    StringBuilder out = new StringBuilder();
    String[] lines = text.split("(?<=\n)", -1);
    for (int i = 0; i < lines.length; i++) {
      // Line by line, so an error points at the template's own line and column.
      // With an interpolator the result is always text, so "{{ port }}\n" keeps its newline.
      Object line = ctx.expressions().renderString(lines[i], new SourcePosition(src.toString(), i + 1, 1),
          ctx.vars(), Expressions::stringify);
      out.append(line);
    }
    ActionResult r = FilePut.put(ctx, FilePut.Request.of(ctx, args, args.requiredString("dest"),
        out.toString().getBytes(StandardCharsets.UTF_8), args.bool("force", true)));
    r.data().put("src", src.toString());
    return r;
  }
}

package io.runbook.action;

import io.runbook.transport.Checksums;
import io.runbook.transport.FileStat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * {@code fetch}: copies a file from the host to the controller, as Ansible's: by default into
 * {@code dest/<inventory_hostname>/<src path>}, or exactly to {@code dest} with {@code flat}.
 * Compared by SHA-256, so an unchanged file is {@code ok}; written atomically on the controller.
 */
public final class FetchAction implements Action {
  private static final ArgSpec SPEC = ArgSpec.builder()
      .required("src", ArgSpec.Type.STRING)
      .required("dest", ArgSpec.Type.STRING)
      .optional("flat", ArgSpec.Type.BOOL)
      .optional("fail_on_missing", ArgSpec.Type.BOOL)
      .build();

  @Override
  public String name() {
    return "fetch";
  }

  @Override
  public ArgSpec spec() {
    return SPEC;
  }

  @Override
  public ActionResult execute(ActionContext ctx, Map<String, Object> rendered) {
    ActionArgs args = new ActionArgs(name(), rendered);
    String src = args.requiredString("src");
    String destArg = args.requiredString("dest");
    Path dest = args.bool("flat", false)
        ? ctx.baseDir().resolve(destArg.endsWith("/") ? destArg + Path.of(src).getFileName() : destArg)
        : ctx.baseDir().resolve(destArg).resolve(ctx.host()).resolve(src.replaceFirst("^/+", ""));
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("src", src);
    data.put("dest", dest.toString());
    Optional<FileStat> stat = ctx.transport().stat(src);
    if (stat.isEmpty() || !stat.get().isFile()) {
      String why = stat.isEmpty() ? "the file does not exist" : "it is not a regular file";
      return args.bool("fail_on_missing", true) ? ActionResult.failed(src + " on " + ctx.host() + ": " + why, data)
          : ActionResult.skipped(src + ": " + why);
    }
    byte[] content = ctx.transport().read(src);
    String sum = Checksums.sha256(content);
    data.put("checksum", sum);
    try {
      boolean same = Files.isRegularFile(dest) && Checksums.sha256(Files.readAllBytes(dest)).equals(sum);
      if (!same && !ctx.checkMode()) {
        Files.createDirectories(dest.toAbsolutePath().getParent());
        Path temp = Files.createTempFile(dest.toAbsolutePath().getParent(), "." + dest.getFileName(), ".runbook-tmp");
        Files.write(temp, content);
        Files.move(temp, dest, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      }
      return ActionResult.of(!same, data);
    } catch (IOException e) {
      return ActionResult.failed("cannot write " + dest + " on the controller: " + e.getMessage(), data);
    }
  }
}

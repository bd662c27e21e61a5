package io.runbook.action;

import io.runbook.model.Status;
import io.runbook.yaml.YMap;
import io.runbook.yaml.YamlReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** copy, template, file, lineinfile and toml against real files through the local transport. */
class FileActionsTests {
  @TempDir Path dir;
  private final TestActionContext ctx = new TestActionContext();

  private ActionResult run(Action a, Map<String, Object> args) {
    return a.execute(ctx, args);
  }

  private static Map<String, Object> args(Object... kv) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], kv[i + 1]);
    }
    return m;
  }

  @Test
  void copyChangesThenIsIdempotentAndKeepsABackup() throws Exception {
    Path dest = dir.resolve("pump.toml");
    Files.writeString(dest, "old\n");
    ActionResult first = run(new CopyAction(), args("content", "new\n", "dest", dest.toString(),
        "backup", true, "mode", "0640"));
    assertThat(first.status()).isEqualTo(Status.CHANGED);
    assertThat(Files.readString(dest)).isEqualTo("new\n");
    assertThat(Files.readString(Path.of((String) first.data().get("backup_file")))).isEqualTo("old\n");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dest))).isEqualTo("rw-r-----");
    ActionResult second = run(new CopyAction(), args("content", "new\n", "dest", dest.toString(), "mode", "0640"));
    assertThat(second.status()).isEqualTo(Status.OK);
  }

  @Test
  void copyFromTheControllerIntoADirectory() throws Exception {
    Path src = dir.resolve("pump-v3.0.1");
    Files.writeString(src, "binary");
    Path bin = Files.createDirectory(dir.resolve("bin"));
    ctx.baseDir = dir;
    ActionResult r = run(new CopyAction(), args("src", "pump-v3.0.1", "dest", bin + "/"));
    assertThat(r.status()).isEqualTo(Status.CHANGED);
    assertThat(bin.resolve("pump-v3.0.1")).hasContent("binary");
    assertThat(r.data()).containsKey("checksum");
  }

  @Test
  void checkModePredictsExactlyAndTouchesNothing() throws Exception {
    Path dest = dir.resolve("conf");
    ctx.checkMode = true;
    ctx.diffMode = true;
    ActionResult r = run(new CopyAction(), args("content", "a = 1\n", "dest", dest.toString()));
    assertThat(r.status()).isEqualTo(Status.CHANGED);
    assertThat(dest).doesNotExist();
    assertThat(r.diffs()).singleElement().satisfies(d -> {
      assertThat(d.before()).isNull();
      assertThat(d.after()).isEqualTo("a = 1\n");
    });
    Files.writeString(dest, "a = 1\n");
    assertThat(run(new CopyAction(), args("content", "a = 1\n", "dest", dest.toString())).status())
        .isEqualTo(Status.OK);
  }

  @Test
  void aDecimalLookingModeIsRefusedWithTheFix() {
    ctx.rawArgs.put("mode", YamlReader.parse("mode: 644\n", "t.yml") instanceof YMap m ? m.get("mode") : null);
    assertThatThrownBy(() -> run(new CopyAction(), args("content", "x", "dest", dir.resolve("f").toString(),
        "mode", 644L))).isInstanceOf(ActionException.class).hasMessageContaining("'0644'");
  }

  @Test
  void copyOfAMissingSourceFailsWithTheReason() {
    ctx.baseDir = dir;
    ActionResult r = run(new CopyAction(), args("src", "nope", "dest", dir.resolve("x").toString()));
    assertThat(r.status()).isEqualTo(Status.FAILED);
    assertThat(r.message()).contains("no such file");
  }

  @Test
  void writingUnderAPathThatIsAFileFails() throws Exception {
    Files.writeString(dir.resolve("plain"), "x");
    assertThatThrownBy(() -> run(new CopyAction(), args("content", "x", "dest", dir.resolve("plain/f").toString())))
        .hasMessageContaining("plain");
  }

  @Test
  void templateRendersWithTheHostsVariables() throws Exception {
    Files.writeString(dir.resolve("run_pump.sh.j2"),
        "#!/bin/sh\nexec bin/pump --addr=0.0.0.0:{{ pump_port }} \\\n  --data-dir={{ deploy_dir }}/data.pump\n");
    ctx.baseDir = dir;
    ctx.vars.put("pump_port", 8250L);
    ctx.vars.put("deploy_dir", "/home/tidb/deploy");
    Path dest = dir.resolve("run_pump.sh");
    ActionResult r = run(new TemplateAction(), args("src", "run_pump.sh.j2", "dest", dest.toString(), "mode", "0755"));
    assertThat(r.status()).isEqualTo(Status.CHANGED);
    assertThat(Files.readString(dest)).isEqualTo(
        "#!/bin/sh\nexec bin/pump --addr=0.0.0.0:8250 \\\n  --data-dir=/home/tidb/deploy/data.pump\n");
    assertThat(Files.isExecutable(dest)).isTrue();
  }

  @Test
  void theBundledRunScriptListsEveryPdAndRaisesTheFileLimitWhereItMay() throws Exception {
    ctx.baseDir = Path.of("playbooks/tasks").toAbsolutePath();
    ctx.vars.put("pump_port", 8250L);
    ctx.vars.put("deploy_dir", "/home/tidb/deploy");
    ctx.vars.put("inventory_hostname", "pump1");
    ctx.vars.put("ansible_host", "10.0.1.5");
    ctx.vars.put("pd_client_port", 2379L);
    ctx.vars.put("groups", Map.of("pd_servers", List.of("pd1", "pd2")));
    ctx.vars.put("hostvars", Map.of("pd1", Map.of("ansible_host", "10.0.1.1"), "pd2", Map.of("ansible_host", "10.0.1.2")));
    Path dest = dir.resolve("run_pump.sh");
    run(new TemplateAction(), args("src", "../templates/run_pump.sh.tpl", "dest", dest.toString()));
    assertThat(Files.readString(dest)).contains("--pd-urls=http://10.0.1.1:2379,http://10.0.1.2:2379 \\\n")
        .contains("--advertise-addr=10.0.1.5:8250").contains("cd \"/home/tidb/deploy\" || exit 1")
        .contains("ulimit -n 1000000 2>/dev/null || ulimit -n \"$(ulimit -Hn)\" 2>/dev/null || true");
  }

  @Test
  void aTemplateErrorNamesTheTemplateLine() throws Exception {
    Files.writeString(dir.resolve("t.j2"), "ok\nport = {{ pumpport }}\n");
    ctx.baseDir = dir;
    assertThatThrownBy(() -> run(new TemplateAction(), args("src", "t.j2", "dest", dir.resolve("o").toString())))
        .isInstanceOfSatisfying(io.runbook.expr.ExpressionException.class, e -> {
          assertThat(e.position().file()).endsWith("t.j2");
          assertThat(e.position().line()).isEqualTo(2);
          assertThat(e.getMessage()).contains("pumpport");
        });
  }

  @Test
  void fileStatesDirectoryTouchAbsentLink() throws Exception {
    String d = dir.resolve("deploy/scripts").toString();
    assertThat(run(new FileAction(), args("path", d, "state", "directory", "mode", "0755")).status())
        .isEqualTo(Status.CHANGED);
    assertThat(run(new FileAction(), args("path", d, "state", "directory", "mode", "0755")).status())
        .isEqualTo(Status.OK);
    assertThat(run(new FileAction(), args("path", d, "state", "directory", "mode", "0700")).status())
        .isEqualTo(Status.CHANGED);
    String f = d + "/start_pump.sh";
    assertThat(run(new FileAction(), args("path", f, "state", "touch")).status()).isEqualTo(Status.CHANGED);
    String link = dir.resolve("current").toString();
    assertThat(run(new FileAction(), args("path", link, "state", "link", "src", d)).status())
        .isEqualTo(Status.CHANGED);
    assertThat(run(new FileAction(), args("path", link, "state", "link", "src", d)).status())
        .isEqualTo(Status.OK);
    assertThat(Files.readSymbolicLink(Path.of(link))).isEqualTo(Path.of(d));
    assertThat(run(new FileAction(), args("path", dir.resolve("deploy").toString(), "state", "absent")).status())
        .isEqualTo(Status.CHANGED);
    assertThat(dir.resolve("deploy")).doesNotExist();
    assertThat(run(new FileAction(), args("path", dir.resolve("deploy").toString(), "state", "absent")).status())
        .isEqualTo(Status.OK);
  }

  @Test
  void lineinfileReplacesTheLastMatchInsertsAndRemoves() throws Exception {
    Path f = dir.resolve("limits.conf");
    Files.writeString(f, "# limits\ntidb soft nofile 1000\ntidb hard nofile 1000\n");
    Action a = new LineInFileAction();
    ActionResult r = run(a, args("path", f.toString(), "regexp", "^tidb hard nofile", "line", "tidb hard nofile 1000000"));
    assertThat(r.status()).isEqualTo(Status.CHANGED);
    assertThat(run(a, args("path", f.toString(), "regexp", "^tidb hard nofile", "line", "tidb hard nofile 1000000")).status())
        .isEqualTo(Status.OK);
    run(a, args("path", f.toString(), "line", "tidb - nproc 4096", "insertafter", "^# limits"));
    run(a, args("path", f.toString(), "regexp", "soft", "state", "absent"));
    assertThat(Files.readString(f)).isEqualTo("# limits\ntidb - nproc 4096\ntidb hard nofile 1000000\n");
    run(a, args("path", f.toString(), "regexp", "^tidb hard nofile (\\d+)", "line", "# was \\1", "backrefs", true));
    assertThat(Files.readString(f)).endsWith("# was 1000000\n");
  }

  @Test
  void lineinfileOnAMissingFileFailsUnlessCreate() {
    String f = dir.resolve("new.conf").toString();
    assertThat(run(new LineInFileAction(), args("path", f, "line", "x")).status()).isEqualTo(Status.FAILED);
    assertThat(run(new LineInFileAction(), args("path", f, "line", "x", "create", true)).status())
        .isEqualTo(Status.CHANGED);
  }

  @TestFactory
  Stream<DynamicTest> tomlEditsKeepEverythingElse() throws Exception {
    Path root = Path.of("src/test/resources/fixtures/actions/toml");
    try (Stream<Path> cases = Files.list(root)) {
      return cases.sorted().toList().stream().map(c -> DynamicTest.dynamicTest(c.getFileName().toString(), () -> {
        Path file = dir.resolve(c.getFileName() + ".toml");
        Files.copy(c.resolve("input.toml"), file);
        @SuppressWarnings("unchecked")
        Map<String, Object> a = (Map<String, Object>) YamlReader.read(c.resolve("args.yml")).toPlain();
        a.put("path", file.toString());
        ActionResult first = new TomlAction().execute(ctx, a);
        assertThat(first.status()).isEqualTo(Status.CHANGED);
        assertThat(Files.readString(file)).isEqualTo(Files.readString(c.resolve("expected.toml")));
        ActionResult second = new TomlAction().execute(ctx, a);
        assertThat(second.status()).as("a second run changes nothing").isEqualTo(Status.OK);
      }));
    }
  }

  @Test
  void tomlRefusesToEditInsideAnArrayOfTables() throws Exception {
    Path f = dir.resolve("a.toml");
    Files.writeString(f, "[[pumps]]\nid = 1\n");
    assertThatThrownBy(() -> new TomlAction().execute(ctx, args("path", f.toString(), "set", Map.of("pumps.id", 2L))))
        .hasMessageContaining("array of tables");
  }

  @Test
  void tomlCheckModeAndMissingFile() throws Exception {
    Path f = dir.resolve("tidb.toml");
    assertThat(new TomlAction().execute(ctx, args("path", f.toString(), "set", Map.of("a", 1L))).status())
        .isEqualTo(Status.FAILED);
    Files.writeString(f, "a = 1\n");
    ctx.checkMode = true;
    assertThat(new TomlAction().execute(ctx, args("path", f.toString(), "set", Map.of("a", 2L))).status())
        .isEqualTo(Status.CHANGED);
    assertThat(Files.readString(f)).isEqualTo("a = 1\n");
    assertThat(new TomlAction().execute(ctx, args("path", f.toString(), "set", Map.of("a", 1L), "remove", List.of("b"))).status())
        .isEqualTo(Status.OK);
  }
}

package io.runbook.lint;

import static org.assertj.core.api.Assertions.assertThat;

import io.runbook.action.BuiltinActions;
import io.runbook.expr.Expressions;
import io.runbook.lint.rules.Rules;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The variables a TiUP meta.yaml gives its hosts count as defined for undefined-variable. */
class TiupMetaLintTests {
  private static final String PLAY = """
      - name: where each Pump advertises itself
        hosts: pump_servers
        tasks:
          - name: show it
            debug: {msg: "{{ pump_advertise_host }}:{{ pump_port }}"}
      """;

  private static List<String> undefined(Path dir, boolean withMeta) throws Exception {
    Files.writeString(dir.resolve("play.yml"), PLAY);
    List<Path> paths = new ArrayList<>(List.of(dir.resolve("play.yml")));
    if (withMeta) {
      Path meta = dir.resolve("inventories/prod/meta.yaml");
      Files.createDirectories(meta.getParent());
      Files.writeString(meta, "user: tidb\ntidb_version: v5.4.3\ntopology:\n  pump_servers:\n  - host: 10.0.0.2\n");
      paths.add(meta);
    }
    Linter.Result r = new Linter(Rules.all(), LintConfig.defaults(), Profile.PRODUCTION)
        .lint(paths, dir, BuiltinActions.registry(), new Expressions());
    return r.findings().stream().filter(f -> f.rule().equals("undefined-variable")).map(f -> f.message()).toList();
  }

  @Test
  void aMetasHostVariablesAreDefined(@TempDir Path dir) throws Exception {
    assertThat(undefined(dir, true)).isEmpty();
  }

  @Test
  void withoutTheMetaTheyAreNot(@TempDir Path dir) throws Exception {
    assertThat(undefined(dir, false)).hasSize(2);
  }
}

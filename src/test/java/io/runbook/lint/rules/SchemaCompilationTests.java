package io.runbook.lint.rules;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.JsonSchema;
import io.runbook.lint.FileKind;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The schemas a lint validates against: compiled once, in the background or on first use. */
class SchemaCompilationTests {
  @Test
  void compiledInTheBackgroundWhileARuleAsksEveryoneGetsTheOneCompiledSchema() throws Exception {
    Rules.prepareInBackground();
    CompletableFuture<JsonSchema> other = CompletableFuture.supplyAsync(() -> Schemas.of(FileKind.PLAYBOOK));
    JsonSchema mine = Schemas.of(FileKind.PLAYBOOK);
    assertThat(other.get(30, TimeUnit.SECONDS)).isNotNull().isSameAs(mine);
    for (FileKind kind : new FileKind[] {FileKind.TASKS, FileKind.INVENTORY, FileKind.LINT_CONFIG}) {
      assertThat(Schemas.of(kind)).as(kind.name()).isNotNull().isSameAs(Schemas.of(kind));
    }
    assertThat(Schemas.of(FileKind.VARS)).isNull();
  }
}

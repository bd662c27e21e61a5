package io.runbook.action;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** docs/actions.md stays true: every action and every argument it takes is described there. */
class ActionDocsTests {
  @Test
  void everyActionAndArgumentIsDocumented() throws Exception {
    String docs = Files.readString(Path.of("docs/actions.md"));
    ActionRegistry registry = BuiltinActions.registry();
    for (String name : registry.names()) {
      assertThat(docs).as("docs/actions.md describes %s", name).containsPattern("## (.*\\b)?" + name + "\\b");
      for (String arg : registry.get(name).spec().args().keySet()) {
        assertThat(docs).as("docs/actions.md mentions %s.%s", name, arg).contains("`" + arg + "`");
      }
    }
  }
}

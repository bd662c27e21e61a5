package io.runbook.lint.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.runbook.lint.FileKind;
import io.runbook.yaml.YamlReader;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the schema says about a playbook, before the rule leaves lines to the loader's rules. */
class SchemaMessagesTests {
  private static List<String> messages(FileKind kind, String yaml) {
    return SchemaMessages.locate(Schemas.validate(YamlReader.parse(yaml, "p.yml"), Schemas.of(kind))).stream()
        .map(l -> l.at().line() + ":" + l.at().column() + " " + l.message()).sorted().toList();
  }

  @Test
  void playbookMistakesAreOneLineEachAtTheirKeyOrValue() {
    assertThat(messages(FileKind.PLAYBOOK, """
        - hosts: all
          serail: 1
          serial: [1, "half"]
          tasks:
            - service: {name: pump, state: halted}
            - copy: {dest: /x, backup: maybe}
            - command: "true"
              shell: "true"
            - name: nothing
            - block: []
              rerun_on_resume: sometimes
        """)).containsExactly(
        "11:24 'rerun_on_resume' must be true or false, not 'sometimes'",
        "2:3 'serail' is not a play keyword (did you mean 'serial'?)",
        "3:15 item 2 of 'serial' must be a whole number or a string matching ^\\d+(\\.\\d+)?%$ or a {{ }} template, not 'half'",
        "5:36 'state' must be one of started, stopped, restarted, reloaded or a {{ }} template, not 'halted'",
        "6:32 'backup' must be true or false or a {{ }} template, not 'maybe'",
        "8:7 a task runs one action, but this one has 'command' and 'shell'",
        "9:7 task has no action");
  }
}

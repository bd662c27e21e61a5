package io.runbook.transport;

import static org.assertj.core.api.Assertions.assertThat;

import io.runbook.transport.CommandSpec;
import io.runbook.transport.LocalTransport;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ShellQuotingTests {
  @ParameterizedTest
  @ValueSource(strings = {"plain", "two words", "$(touch /tmp/pwned)", "`id`", "a'b", "semi;colon",
      "new\nline", "", "*", "back\\slash", "\"dq\"", "--flag=x"})
  void aQuotedValueReachesTheCommandAsExactlyOneWordUnchanged(String value) {
    String script = "printf '%s|' " + ShellQuoting.quote(value);
    String out = new LocalTransport().run(CommandSpec.shell(script)).stdout();
    assertThat(out).isEqualTo(value + "|");
  }

  @ParameterizedTest
  @ValueSource(strings = {"8250", "/home/tidb/deploy", "pump-8250.service", "127.0.0.1:2379"})
  void safeWordsStayReadable(String value) {
    assertThat(ShellQuoting.quote(value)).isEqualTo(value);
  }

  @org.junit.jupiter.api.Test
  void aListBecomesSeveralWords() {
    assertThat(ShellQuoting.quote(List.of("a", "b c"))).isEqualTo("a 'b c'");
  }
}

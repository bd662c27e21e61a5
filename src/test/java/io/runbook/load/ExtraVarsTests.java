package io.runbook.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.runbook.source.InvalidInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExtraVarsTests {
  @Test
  void keyValuePairsAreStringsAndQuotesGroup() {
    assertThat(ExtraVars.parse(List.of("a=1 b='two words' c=\"x y\"")))
        .isEqualTo(Map.of("a", "1", "b", "two words", "c", "x y"));
  }

  @Test
  void jsonKeepsTypes() {
    assertThat(ExtraVars.parse(List.of("{\"n\": 3, \"l\": [1]}"))).isEqualTo(Map.of("n", 3, "l", List.of(1)));
  }

  @Test
  void atFileReadsYamlAndLaterOptionsWin(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("vars.yml");
    Files.writeString(f, "version: v3.0.0\nport: 8250\n");
    assertThat(ExtraVars.parse(List.of("@" + f, "version=v3.0.1")))
        .isEqualTo(Map.of("version", "v3.0.1", "port", 8250L));
  }

  @Test
  void badInputIsAnInvalidInputError() {
    assertThatThrownBy(() -> ExtraVars.parse(List.of("novalue"))).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("key=value");
    assertThatThrownBy(() -> ExtraVars.parse(List.of("{bad json"))).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("JSON");
    assertThatThrownBy(() -> ExtraVars.parse(List.of("1x=2"))).isInstanceOf(InvalidInputException.class);
  }
}

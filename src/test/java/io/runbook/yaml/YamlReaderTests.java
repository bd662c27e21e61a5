package io.runbook.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.runbook.source.InvalidInputException;
import io.runbook.source.SourcePosition;
import org.junit.jupiter.api.Test;

class YamlReaderTests {
  @Test
  void everyNodeKnowsItsOneBasedPosition() {
    YMap root = (YMap) YamlReader.parse("a: 1\nb:\n  - x\n  - \"y\"\n", "f.yml");
    assertThat(root.entry("b").orElseThrow().key().position()).isEqualTo(new SourcePosition("f.yml", 2, 1));
    YList list = (YList) root.get("b");
    assertThat(list.items().get(1).position()).isEqualTo(new SourcePosition("f.yml", 4, 5));
    assertThat(((YScalar) list.items().get(1)).contentPosition()).isEqualTo(new SourcePosition("f.yml", 4, 6));
  }

  @Test
  void resolvesYaml11TypesAsAnsibleDoes() {
    YMap root = (YMap) YamlReader.parse("t: yes\nf: NO\nv: 1.10\np: 0800\nm: 0644\nq: '0644'\nn: ~\nh: 0x1F\n", "f.yml");
    assertThat(root.get("t").toPlain()).isEqualTo(true);
    assertThat(root.get("f").toPlain()).isEqualTo(false);
    assertThat(root.get("v").toPlain()).isEqualTo(1.1);
    assertThat(root.get("p").toPlain()).isEqualTo("0800");
    assertThat(root.get("m").toPlain()).isEqualTo(0644L);
    assertThat(root.get("q").toPlain()).isEqualTo("0644");
    assertThat(root.get("n").toPlain()).isNull();
    assertThat(root.get("h").toPlain()).isEqualTo(31L);
  }

  @Test
  void refusesDuplicateKeysNamingBothLines() {
    InvalidInputException e = catchThrowableOfType(InvalidInputException.class,
        () -> YamlReader.parse("a: 1\nb: 2\na: 3\nb: 4\n", "f.yml"));
    assertThat(e.diagnostics()).extracting(Object::toString).containsExactly(
        "f.yml:3:1: duplicate key 'a' (first defined at line 1)",
        "f.yml:4:1: duplicate key 'b' (first defined at line 2)");
  }

  @Test
  void refusesGlobalTags() {
    InvalidInputException e = catchThrowableOfType(InvalidInputException.class,
        () -> YamlReader.parse("x: !!java.io.File /etc\n", "f.yml"));
    assertThat(e.getMessage()).startsWith("f.yml:1:4: invalid YAML");
  }

  @Test
  void stopsAnAliasBomb() {
    StringBuilder bomb = new StringBuilder("a: &a [x, x, x, x, x, x, x, x, x]\n");
    char prev = 'a';
    for (char c = 'b'; c <= 'k'; c++) {
      bomb.append(c).append(": &").append(c).append(" [");
      for (int i = 0; i < 9; i++) {
        bomb.append(i == 0 ? "" : ", ").append('*').append(prev);
      }
      bomb.append("]\n");
      prev = c;
    }
    InvalidInputException e = catchThrowableOfType(InvalidInputException.class,
        () -> YamlReader.parse(bomb.toString(), "bomb.yml"));
    assertThat(e.getMessage()).contains("bomb.yml:").contains("invalid YAML");
  }

  @Test
  void stopsDeepNesting() {
    String deep = "[".repeat(200) + "]".repeat(200);
    InvalidInputException e = catchThrowableOfType(InvalidInputException.class,
        () -> YamlReader.parse(deep, "deep.yml"));
    assertThat(e.getMessage()).startsWith("deep.yml:").contains("invalid YAML");
  }

  @Test
  void mergeKeysCopyEntriesThatAreNotOverridden() {
    YMap root = (YMap) YamlReader.parse("base: &b {x: 1, y: 2}\nuse:\n  <<: *b\n  y: 3\n", "f.yml");
    assertThat(root.get("use").toPlain()).isEqualTo(java.util.Map.of("x", 1L, "y", 3L));
  }

  @Test
  void anEmptyFileIsANullDocument() {
    assertThat(YamlReader.parse("", "f.yml")).isInstanceOf(YScalar.class);
  }
}

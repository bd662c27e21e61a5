package io.runbook.action;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ProcWordsTests {

  @Test
  void splitsOnBlanksAndKeepsQuotedWordsTogether() {
    assertThat(ProcWords.split("  printf '%s|' \"a b\"\tc  "))
        .containsExactly("printf", "%s|", "a b", "c");
  }

  @Test
  void expandsNothing() {
    assertThat(ProcWords.split("echo $HOME *.log > out # not a comment"))
        .containsExactly("echo", "$HOME", "*.log", ">", "out", "#", "not", "a", "comment");
  }

  @Test
  void followsBackslashRulesInsideAndOutsideDoubleQuotes() {
    assertThat(ProcWords.split("a\\ b \"x\\\"y\\n\" 'it\\s'"))
        .containsExactly("a b", "x\"y\\n", "it\\s");
  }

  @Test
  void joinsAdjacentQuotedPartsAndKeepsEmptyQuotedWords() {
    assertThat(ProcWords.split("--name='pump 1'x \"\" ''")).containsExactly("--name=pump 1x", "", "");
  }

  @Test
  void refusesAnUnterminatedQuote() {
    assertThatThrownBy(() -> ProcWords.split("echo 'oops"))
        .isInstanceOf(ActionException.class).hasMessageContaining("unterminated single quote");
    assertThatThrownBy(() -> ProcWords.split("echo \"oops"))
        .isInstanceOf(ActionException.class).hasMessageContaining("unterminated double quote");
  }
}

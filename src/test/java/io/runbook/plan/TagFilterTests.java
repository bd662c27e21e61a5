package io.runbook.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TagFilterTests {
  private static List<String> list(String s) {
    return s == null || s.isBlank() ? List.of() : List.of(s.split(" "));
  }

  @ParameterizedTest(name = "--tags [{0}] --skip-tags [{1}] task [{2}] -> {3}")
  @CsvSource({
      "'', '', '', true",
      "'', '', 'a', true",
      "'', '', 'never', false",
      "'', '', 'always', true",
      "a, '', a, true",
      "a, '', b, false",
      "a, '', '', false",
      "a, '', always, true",
      "a, '', never a, true",
      "a, '', never b, false",
      "all, '', never, false",
      "all, '', b, true",
      "tagged, '', b, true",
      "tagged, '', '', false",
      "untagged, '', '', true",
      "untagged, '', b, false",
      "'', a, a, false",
      "'', a, b, true",
      "'', always, always, false",
      "'', all, b, false",
      "'', all, always, true",
      "'', tagged, b, false",
      "'', untagged, '', false",
  })
  void selectsLikeAnsible(String run, String skip, String task, boolean selected) {
    assertThat(new TagFilter(list(run), list(skip)).selects(list(task))).isEqualTo(selected);
  }
}

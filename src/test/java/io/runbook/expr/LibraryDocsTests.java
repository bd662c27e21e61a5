package io.runbook.expr;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** docs/expressions.md is the reference of the language: every filter, test, method and function is in it. */
class LibraryDocsTests {
  @Test
  void everyNameOfTheLibraryIsDocumented() throws Exception {
    String doc = Files.readString(Path.of("docs/expressions.md"));
    Library lib = Library.STANDARD;
    List<String> missing = new ArrayList<>();
    check(doc, "filter", lib.filterNames(), missing);
    check(doc, "test", lib.testNames(), missing);
    check(doc, "method", lib.methodNames(), missing);
    check(doc, "function", lib.functionNames(), missing);
    assertThat(missing).as("names docs/expressions.md does not mention").isEmpty();
  }

  @Test
  void everyNameRefusedOnPurposeIsDocumentedWithItsReason() throws Exception {
    String doc = Files.readString(Path.of("docs/expressions.md"));
    for (String name : Library.REFUSED.keySet()) {
      assertThat(doc).as(name).containsPattern("`" + Pattern.quote(name) + "[`(]");
    }
  }

  private static void check(String doc, String kind, Iterable<String> names, List<String> missing) {
    for (String name : names) {
      if (!Pattern.compile("`" + Pattern.quote(name) + "[`(]").matcher(doc).find()) {
        missing.add(kind + " " + name);
      }
    }
  }
}

package io.runbook.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.runbook.action.BuiltinActions;
import io.runbook.expr.Expressions;
import io.runbook.source.Diagnostic;
import io.runbook.source.InvalidInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every bad playbook under fixtures/playbooks/bad marks each mistake with
 * {@code # expect-error: <text>} on the line the error must point at; the loader must report
 * exactly those lines (each message containing the text), all at once.
 */
class BadPlaybookTests {
  private static final Path DIR = Path.of("src/test/resources/fixtures/playbooks/bad");
  private static final Pattern EXPECT = Pattern.compile("#\\s*expect-error:\\s*(.+?)\\s*$");
  private final PlaybookLoader loader =
      new PlaybookLoader(BuiltinActions.registry(), new Expressions());

  @TestFactory
  Stream<DynamicTest> eachMistakeIsReportedAtItsLine() throws IOException {
    List<Path> files;
    try (Stream<Path> s = Files.list(DIR)) {
      files = s.filter(p -> p.toString().endsWith(".yml")).sorted().toList();
    }
    return files.stream().map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), f.toUri(),
        () -> check(f)));
  }

  private void check(Path file) throws IOException {
    List<String> lines = Files.readAllLines(file);
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      Matcher m = EXPECT.matcher(lines.get(i));
      if (m.find()) {
        expected.add((i + 1) + ": " + m.group(1));
      }
    }
    InvalidInputException e = catchThrowableOfType(InvalidInputException.class, () -> loader.load(file));
    assertThat(e).as("loading %s must fail", file).isNotNull();
    List<Diagnostic> errors = e.diagnostics().stream().filter(Diagnostic::isError).toList();
    for (Diagnostic d : errors) {
      assertThat(d.position().file()).endsWith(file.getFileName().toString());
    }
    List<String> actual = errors.stream().map(d -> d.position().line() + ": " + d.message()).toList();
    assertThat(actual).as("errors of %s", file).hasSameSizeAs(expected);
    for (String want : expected) {
      int line = Integer.parseInt(want.substring(0, want.indexOf(':')));
      String text = want.substring(want.indexOf(':') + 2);
      assertThat(errors).as("an error at line %d containing '%s' in %s; got %s", line, text, file, actual)
          .anySatisfy(d -> {
            assertThat(d.position().line()).isEqualTo(line);
            assertThat(d.message()).contains(text);
          });
    }
  }
}

package io.runbook.lint;

import static org.assertj.core.api.Assertions.assertThat;

import io.runbook.action.BuiltinActions;
import io.runbook.expr.Expressions;
import io.runbook.lint.rules.Rules;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every rule has a fixture folder, {@code fixtures/lint/<rule-id>/}, with {@code bad.*} files
 * whose lines marked {@code # expect: <rule-id>} are exactly where the rule reports, and
 * {@code good.*} files where it reports nothing; and a page {@code docs/lint-rules/<id>.md}
 * whose "Bad" example the rule reports and whose "Good" example it does not.
 */
class LintRuleFixtureTests {
  private static final Path FIXTURES = Path.of("src/test/resources/fixtures/lint");
  private static final Pattern EXPECT = Pattern.compile("#\\s*expect:\\s*([a-z0-9-]+)");
  private static final Pattern YAML_BLOCK = Pattern.compile("```(yaml|ini)\\n(.*?)```", Pattern.DOTALL);
  @TempDir Path tmp;

  @TestFactory
  Stream<DynamicTest> eachRuleReportsExactlyItsMarkedLines() {
    return Rules.all().stream().map(rule -> DynamicTest.dynamicTest(rule.id(), () -> {
      Path dir = FIXTURES.resolve(rule.id());
      assertThat(dir).as("fixture folder for " + rule.id()).isDirectory();
      List<Path> bad = new ArrayList<>();
      List<Path> good = new ArrayList<>();
      try (Stream<Path> s = Files.list(dir)) {
        s.sorted().forEach(p -> {
          String n = p.getFileName().toString();
          if (n.startsWith("bad")) {
            bad.add(p);
          } else if (n.startsWith("good")) {
            good.add(p);
          }
        });
      }
      assertThat(bad).as("bad fixtures of " + rule.id()).isNotEmpty();
      assertThat(good).as("good fixtures of " + rule.id()).isNotEmpty();
      for (Path p : bad) {
        assertThat(lines(lint(p), rule.id())).as(p.toString()).isEqualTo(expected(p, rule.id()));
      }
      for (Path p : good) {
        assertThat(lines(lint(p), rule.id())).as(p.toString()).isEmpty();
      }
    }));
  }

  @TestFactory
  Stream<DynamicTest> eachRulePageShowsABadExampleTheRuleReportsAndAGoodOneItDoesNot() {
    return Rules.all().stream().map(rule -> DynamicTest.dynamicTest(rule.id(), () -> {
      Path page = Path.of("docs/lint-rules", rule.id() + ".md");
      assertThat(page).as("page of " + rule.id()).exists();
      String text = Files.readString(page);
      assertThat(text).startsWith("# " + rule.id()).contains("## Bad").contains("## Good");
      assertThat(Files.readString(Path.of("docs/lint.md"))).as("docs/lint.md lists " + rule.id())
          .contains("[`" + rule.id() + "`](lint-rules/" + rule.id() + ".md) | " + rule.profile().lower());
      String bad = text.substring(text.indexOf("## Bad"), text.indexOf("## Good"));
      String good = text.substring(text.indexOf("## Good"));
      assertThat(lines(lint(example(bad, "bad")), rule.id())).as("the Bad example of " + page).isNotEmpty();
      assertThat(lines(lint(example(good, "good")), rule.id())).as("the Good example of " + page).isEmpty();
    }));
  }

  private Path example(String section, String name) throws Exception {
    Matcher m = YAML_BLOCK.matcher(section);
    assertThat(m.find()).as("a ```yaml or ```ini block under " + name).isTrue();
    Path dir = Files.createTempDirectory(tmp, name);
    Path file = dir.resolve(m.group(1).equals("ini") ? "inventories/" + name + ".ini" : name + ".yml");
    Files.createDirectories(file.getParent());
    Files.writeString(file, m.group(2));
    return file;
  }

  static Linter.Result lint(Path file) {
    return new Linter(Rules.all(), LintConfig.defaults(), Profile.PRODUCTION)
        .lint(List.of(file), file.getParent(), BuiltinActions.registry(), new Expressions());
  }

  private static TreeSet<Integer> lines(Linter.Result r, String rule) {
    TreeSet<Integer> out = new TreeSet<>();
    r.findings().stream().filter(f -> f.rule().equals(rule)).forEach(f -> out.add(f.at().line()));
    return out;
  }

  private static TreeSet<Integer> expected(Path file, String rule) throws Exception {
    TreeSet<Integer> out = new TreeSet<>();
    List<String> lines = Files.readAllLines(file);
    for (int i = 0; i < lines.size(); i++) {
      Matcher m = EXPECT.matcher(lines.get(i));
      while (m.find()) {
        if (m.group(1).equals(rule)) {
          out.add(i + 1);
        }
      }
    }
    return out;
  }
}

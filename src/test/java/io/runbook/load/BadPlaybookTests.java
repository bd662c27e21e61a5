package io.runbook.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.runbook.action.BuiltinActions;
import io.runbook.cli.LoadRefusal;
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
import org.junit.jupiter.api.io.TempDir;

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

  /**
   * A bad number, percentage, loop, host pattern or block keyword. {@code at} is the text the error
   * must point at (its first occurrence in the bad play).
   */
  private record Bad(String name, String play, String at, String message) {}

  private static final String SERIAL = "'serial' must be a whole number of hosts, 0 or more, or a percentage"
      + " from 0 to 100 such as \"30%\",";
  private static final String MAX_FAIL = "'max_fail_percentage' must be a percentage from 0 to 100, such as 30"
      + " or \"30%\",";
  private static final String LOOP = "'loop' must be a list, or a template that gives one (\"{{ pump_hosts }}\"),"
      + " not";
  private static final String ON_BLOCK = " cannot be set on a block, which runs its tasks once: put it on the"
      + " task inside the block that must be retried";
  private static final String EMPTY_HOSTS = "'hosts' is empty: name a group, host or pattern such as"
      + " pump_servers (all for every host)";

  private static final List<Bad> BAD_VALUES = List.of(
      new Bad("retries below zero", task("retries: -2\n      until: r.rc == 0"), "-2",
          "'retries' must be a whole number, 0 or more, not -2"),
      new Bad("retries that is not a number", task("retries: many"), "many",
          "'retries' must be a whole number, 0 or more, not 'many'"),
      new Bad("a fractional retries", task("retries: 2.5"), "2.5",
          "'retries' must be a whole number, 0 or more, not 2.5"),
      new Bad("delay below zero", task("retries: 3\n      delay: -1"), "-1",
          "'delay' must be a number of seconds, 0 or more, not -1"),
      new Bad("a backoff that shrinks the delay", task("retries: 3\n      backoff: 0.5"), "0.5",
          "'backoff' must be a number, 1 or more (1 keeps the delay as it is), not 0.5"),
      new Bad("max_delay below zero", task("retries: 3\n      backoff: 2\n      max_delay: -3"), "-3",
          "'max_delay' must be a number of seconds, 0 or more, not -3"),
      new Bad("max_delay shorter than delay", task("retries: 3\n      delay: 5\n      backoff: 2\n      max_delay: 2.5"),
          "2.5", "'max_delay' (2.5 s) is shorter than 'delay' (5 s), so no attempt would wait as long as 'delay' says"),
      new Bad("max_delay shorter than the default delay", task("retries: 3\n      backoff: 2\n      max_delay: 1"),
          "1\n", "'max_delay' (1 s) is shorter than 'delay' (5 s, the default), so no attempt would wait as long as"
              + " 'delay' says"),
      new Bad("max_delay without backoff", task("retries: 3\n      max_delay: 60"), "max_delay",
          "'max_delay' caps the delay that 'backoff' grows, and this task has no 'backoff'"),
      new Bad("timeout below zero", task("timeout: -1"), "-1",
          "'timeout' must be a number of seconds, 0 or more, not -1"),
      new Bad("max_fail_percentage above 100", play("max_fail_percentage: 150"), "150",
          MAX_FAIL + " not 150"),
      new Bad("max_fail_percentage written 150%", play("max_fail_percentage: 150%"), "150%",
          MAX_FAIL + " not '150%'"),
      new Bad("a serial entry above 100%", play("serial: [1, \"150%\"]"), "\"150%",
          SERIAL + " not '150%'"),
      new Bad("a serial below zero", play("serial: -1"), "-1",
          SERIAL + " not -1"),
      new Bad("a loop over a number", task("loop: 5"), "5",
          LOOP + " a number '5'"),
      new Bad("a loop over a mapping", task("loop: {a: 1}"), "{a",
          LOOP + " a mapping: to loop over its entries write \"{{ the_mapping | dict2items }}\""),
      new Bad("until on a block", block("until: r.rc == 0"), "until",
          "'until'" + ON_BLOCK),
      new Bad("retries on a block", block("retries: 3"), "retries",
          "'retries'" + ON_BLOCK),
      new Bad("empty hosts", "- hosts: \"\"\n  tasks: []\n", "\"\"\n",
          EMPTY_HOSTS),
      new Bad("an empty list of hosts", "- hosts: []\n  tasks: []\n", "[]",
          EMPTY_HOSTS),
      new Bad("hosts left out", "- name: no hosts\n  tasks: []\n", "name: no hosts",
          "a play needs 'hosts' (a group, host or pattern such as pump_servers)"));

  private static String play(String keyword) {
    return "- hosts: all\n  " + keyword + "\n  tasks:\n    - command: /bin/true\n";
  }

  private static String task(String keywords) {
    return "- hosts: all\n  tasks:\n    - command: /bin/true\n      register: r\n      " + keywords + "\n";
  }

  private static String block(String keyword) {
    return "- hosts: all\n  tasks:\n    - block:\n        - command: /bin/true\n          register: r\n      "
        + keyword + "\n";
  }

  @TestFactory
  Stream<DynamicTest> aBadValueStopsTheRunWithOneLineAtItsPlaceBeforeAnyHostIsTouched(@TempDir Path dir) {
    return BAD_VALUES.stream().map(bad -> DynamicTest.dynamicTest(bad.name(), () -> {
      Path case_ = Files.createDirectories(dir.resolve(bad.name().replace(' ', '-')));
      Path marker = case_.resolve("touched");
      String first = LoadRefusal.touching(marker);
      String text = first + bad.play();
      Path play = Files.writeString(case_.resolve("play.yml"), text);
      Path inventory = Files.writeString(case_.resolve("hosts.yml"), LoadRefusal.oneLocalHost());
      String expected = play + ":" + LoadRefusal.position(text, bad.at(), first.length()) + ": " + bad.message();
      LoadRefusal.assertRefused(play, inventory, marker, expected);
    }));
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

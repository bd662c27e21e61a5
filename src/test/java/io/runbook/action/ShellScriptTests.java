package io.runbook.action;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every hostile value in every place a template can stand in a shell script reaches the command
 * as exactly one word with its text unchanged, proved by running the script in /bin/sh; what
 * cannot be made safe is refused.
 */
class ShellScriptTests {
  private static final List<String> HOSTILE = List.of(";", "a; touch PWNED", "&& touch PWNED",
      "| touch PWNED", "`touch PWNED`", "$(touch PWNED)", "'", "\"", "'\"'", "it's", "a\nb",
      "a\n; touch PWNED", "$HOME", "${HOME}", "\\", "\\\\", "\\$HOME", "*", "~", "-n", "", " ",
      "a b", "\t", "EOF", "é", "!", "#", "%s", "')\"; touch PWNED; echo \"('", "$(", ")", "'$(touch PWNED)'");

  /** A place: the literal text before and after the template, and what printf wraps the value in. */
  private record Place(String name, String before, String after, String expectBefore, String expectAfter) {}

  private static final List<Place> PLACES = List.of(
      new Place("bare", "printf '[%s]' ", "", "[", "]"),
      new Place("inside a word", "printf '[%s]' x", "y", "[x", "y]"),
      new Place("single quotes", "printf '[%s]' 'x", "y'", "[x", "y]"),
      new Place("double quotes", "printf '[%s]' \"x", "y\"", "[x", "y]"),
      new Place("inside $( )", "printf '[%s]' \"$(printf '%s' ", ")\"", "[", "]"),
      new Place("double quotes inside $( )", "printf '[%s]' \"$(printf '%s' \"", "\")\"", "[", "]"),
      new Place("here-document", "cat <<EOF\n[", "]\nEOF\n", "[", "]\n"),
      new Place("quoted here-document", "cat <<'EOF'\n[", "]\nEOF\n", "[", "]\n"),
      new Place("here-document with tabs", "cat <<-EOF\n\t[", "]\n\tEOF\n", "[", "]\n"),
      new Place("comment", "printf '[ok]' # ", "\n", "[ok", "]"));

  @TempDir Path dir;

  @TestFactory
  Stream<DynamicTest> everyHostileValueIsOneWordInEveryPlace() {
    List<DynamicTest> tests = new ArrayList<>();
    for (Place place : PLACES) {
      for (String value : HOSTILE) {
        tests.add(DynamicTest.dynamicTest(place.name() + ": " + value.replace("\n", "\\n"), () -> {
          List<ShellScript.Slot> slots = ShellScript.slots(List.of(place.before(), place.after()));
          String written;
          try {
            written = slots.get(0).write(value);
          } catch (IllegalArgumentException refused) {
            assertThat(refusedHere(place, value)).as("refused: %s", refused.getMessage()).isTrue();
            return;
          }
          assertThat(refusedHere(place, value)).as("should have been refused").isFalse();
          String out = sh(place.before() + written + place.after());
          String shown = place.name().equals("comment") ? "" : value;
          if (place.name().contains("$( )")) {
            shown = shown.replaceAll("\n+$", ""); // $( ) drops trailing newlines, whatever the quoting
          }
          assertThat(out).isEqualTo(place.expectBefore() + shown + place.expectAfter());
          assertThat(dir.resolve("PWNED")).doesNotExist();
        }));
      }
    }
    return tests.stream();
  }

  private static boolean refusedHere(Place place, String value) {
    return place.name().equals("comment") && value.contains("\n")
        || place.name().contains("here-document") && value.lines().anyMatch(l -> l.strip().equals("EOF"));
  }

  @Test
  void aNulByteIsRefusedEverywhere() {
    for (Place place : PLACES) {
      ShellScript.Slot slot = ShellScript.slots(List.of(place.before(), place.after())).get(0);
      assertThatThrownBy(() -> slot.write("a\0b")).hasMessageContaining("NUL");
    }
  }

  @Test
  void placesThatCannotBeQuotedAreRefusedWithWhatToWrite() {
    assertThatThrownBy(() -> ShellScript.slots(List.of("echo `cat ", "`")))
        .hasMessageContaining("write $( ) instead");
    assertThatThrownBy(() -> ShellScript.slots(List.of("echo ${X:-", "}")))
        .hasMessageContaining("environment variable");
    assertThatThrownBy(() -> ShellScript.slots(List.of("echo $((1 + ", "))")))
        .hasMessageContaining("$((...))");
    assertThatThrownBy(() -> ShellScript.slots(List.of("echo 'unclosed ", "")))
        .hasMessageContaining("single-quoted");
  }

  @Test
  void theScannerFollowsNestingQuotingAndHeredocsAcrossLines() {
    List<ShellScript.Slot> slots = ShellScript.slots(List.of(
        "set -e\n# it's a comment ", "\necho \"$(basename \"", "\")\" '", "' ", " <<'X'\n", "\nX\necho ", ""));
    assertThat(slots).extracting(ShellScript.Slot::place).containsExactly(
        ShellScript.Place.COMMENT, ShellScript.Place.DOUBLE_QUOTED, ShellScript.Place.SINGLE_QUOTED,
        ShellScript.Place.WORD, ShellScript.Place.QUOTED_HEREDOC, ShellScript.Place.WORD);
  }

  private String sh(String script) throws IOException, InterruptedException {
    Process p = new ProcessBuilder("/bin/sh", "-c", script).directory(dir.toFile()).redirectErrorStream(true).start();
    if (!p.waitFor(10, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("sh did not finish: " + script);
    }
    return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
  }

}

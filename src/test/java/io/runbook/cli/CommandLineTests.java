package io.runbook.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.runbook.report.Golden;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The command line in-process: output, errors and exit codes. */
class CommandLineTests {
  private static final Path FIXTURES = Path.of("src/test/resources/fixtures/cli");
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();
  /** Where the runs of these tests keep their journals: never the checkout's .runbook/. */
  @TempDir Path state;

  private int run(String... args) {
    if (args.length > 0 && args[0].equals("run") && !java.util.Arrays.asList(args).contains("--state-dir")) {
      String[] more = java.util.Arrays.copyOf(args, args.length + 2);
      more[args.length] = "--state-dir";
      more[args.length + 1] = state.toString();
      args = more;
    }
    CommandLine cmd = Main.commandLine();
    cmd.setOut(new PrintWriter(out));
    cmd.setErr(new PrintWriter(err));
    return cmd.execute(io.runbook.journal.TestLocks.withLockDir(args, state.resolve("locks")));
  }

  @Test
  void aRollingRunPrintsWhatAnAnsibleUserExpects(@TempDir Path dir) throws Exception {
    Path play = dir.resolve("rolling.yml");
    Files.copy(FIXTURES.resolve("rolling.yml"), play);
    int code = run("run", play.toString(), "-i", FIXTURES.resolve("hosts.yml").toString(), "--no-color");
    assertThat(code).isZero();
    Golden.assertMatches(out.toString(), FIXTURES.resolve("rolling.out"));
  }

  @Test
  void anUnknownDemoFaultIsABadOptionAndStartsNoLab(@TempDir Path dir) {
    int code = run("demo", "--fault", "dead-pd", "--dir", dir.resolve("lab").toString());
    assertThat(code).isEqualTo(ExitCodes.BAD_OPTIONS);
    assertThat(err.toString()).isEqualTo("runbook: demo: --fault takes paused-pump, not 'dead-pd'" + System.lineSeparator());
    assertThat(dir.resolve("lab")).doesNotExist();
  }

  @Test
  void badPlaybookAndBadInventoryAreReportedTogetherWithExitFour(@TempDir Path dir) throws Exception {
    Path play = dir.resolve("bad.yml");
    Files.writeString(play, "- hosts: all\n  tasks:\n    - comand: touch " + dir + "/touched\n");
    Path inv = dir.resolve("bad.ini");
    Files.writeString(inv, "[pumps:kids]\n");
    int code = run("run", play.toString(), "-i", inv.toString());
    assertThat(code).isEqualTo(4);
    assertThat(err.toString()).contains(play + ":3:7: unknown action or task keyword 'comand' (did you mean 'command'?)")
        .contains(inv + ":1:1: unknown section kind ':kids'")
        .contains("2 errors; nothing was run.")
        .doesNotContain("Exception").doesNotContain("\tat ");
    assertThat(dir.resolve("touched")).doesNotExist();
  }

  @Test
  void aMisspeltMagicVariableIsRefusedBeforeAnyHostUnlessSomethingDefinesIt(@TempDir Path dir) throws Exception {
    Path play = dir.resolve("magic.yml");
    Files.writeString(play, "- hosts: all\n  tasks:\n    - name: t\n      command: touch " + dir + "/touched\n"
        + "      when: inventory_hostnme == 'pump1'\n");
    Path inv = dir.resolve("hosts.ini");
    Files.writeString(inv, "pump1 ansible_connection=local\n");
    assertThat(run("run", play.toString(), "-i", inv.toString())).isEqualTo(4);
    assertThat(err.toString()).contains(play + ":5:13: 'inventory_hostnme' is defined nowhere (not by the"
        + " playbook, the inventory or -e); did you mean the magic variable 'inventory_hostname'?");
    assertThat(dir.resolve("touched")).doesNotExist();
    assertThat(run("plan", play.toString(), "-i", inv.toString(), "-e", "inventory_hostnme=pump1")).isZero();
    Files.writeString(inv, "pump1 ansible_connection=local inventory_hostnme=pump1\n");
    assertThat(run("plan", play.toString(), "-i", inv.toString())).isZero();
  }

  @Test
  void anUnknownMetaOrArgumentInArgsIsRefusedWithExitFourBeforeAnythingRuns(@TempDir Path dir) throws Exception {
    Path play = dir.resolve("meta.yml");
    Files.writeString(play, """
        - hosts: all
          tasks:
            - name: touch
              command: touch %s/touched
              args: {chdri: /tmp}
            - meta: clear_host_errors
        """.formatted(dir));
    Path inv = dir.resolve("hosts.yml");
    Files.writeString(inv, "all: {vars: {ansible_connection: local}, hosts: {h1: }}\n");
    assertThat(run("run", play.toString(), "-i", inv.toString())).isEqualTo(4);
    assertThat(err.toString())
        .contains(play + ":5:14: 'command' has no argument 'chdri' (did you mean 'chdir'?)")
        .contains(play + ":6:13: unknown meta 'clear_host_errors' (a host that failed stays out of the run):"
            + " runbook's meta tasks are flush_handlers, end_play, end_batch, end_host, noop")
        .contains("2 errors; nothing was run.")
        .doesNotContain("Exception").doesNotContain("\tat ");
    assertThat(dir.resolve("touched")).doesNotExist();
  }

  @Test
  void badOptionsExitFive() {
    assertThat(run("run")).isEqualTo(5);
    assertThat(run("run", "x.yml", "--output", "xml")).isEqualTo(5);
    assertThat(err.toString()).contains("--output");
  }

  @Test
  void aFailedHostExitsTwoAndAnUnreachableOneThree(@TempDir Path dir) throws Exception {
    Path play = dir.resolve("p.yml");
    Files.writeString(play, "- hosts: all\n  tasks:\n    - command: /bin/false\n");
    assertThat(run("run", play.toString(), "-i", FIXTURES.resolve("hosts.yml").toString())).isEqualTo(2);
    Path ssh = dir.resolve("ssh.ini");
    Files.writeString(ssh, "far ansible_host=127.0.0.1 ansible_port=1 ansible_user=nobody\n");
    assertThat(run("run", play.toString(), "-i", ssh.toString())).isEqualTo(3);
    assertThat(out.toString()).contains("fatal: [far]: UNREACHABLE!");
  }

  @Test
  void inventoryListAndEval() {
    assertThat(run("inventory", "-i", FIXTURES.resolve("hosts.yml").toString(), "--list")).isZero();
    assertThat(out.toString()).contains("\"pump_servers\": {").contains("\"pump_port\": 8251");
    assertThat(run("eval", "pump_port + 1", "-i", FIXTURES.resolve("hosts.yml").toString(), "--host", "pump2")).isZero();
    assertThat(out.toString()).endsWith("8252\n");
    assertThat(run("eval", "nope + 1", "-i", FIXTURES.resolve("hosts.yml").toString(), "--host", "pump2")).isEqualTo(4);
    assertThat(err.toString()).contains("'nope' is undefined");
  }

  @Test
  void extraVarsFromTheCommandLineReachTheRun(@TempDir Path dir) throws Exception {
    Path play = dir.resolve("p.yml");
    Files.writeString(play, "- hosts: localhost\n  tasks:\n    - debug: {msg: '{{ target }}'}\n");
    assertThat(run("run", play.toString(), "-e", "target=v3.0.1", "--output", "jsonl")).isZero();
    assertThat(out.toString()).contains("\"msg\":\"v3.0.1\"");
  }

  @Test
  void junitXmlHasATestCasePerHostAndTask(@TempDir Path dir) throws Exception {
    Path play = dir.resolve("rolling.yml");
    Files.copy(FIXTURES.resolve("rolling.yml"), play);
    Path xml = dir.resolve("reports/junit.xml");
    assertThat(run("run", play.toString(), "-i", FIXTURES.resolve("hosts.yml").toString(), "--junit", xml.toString(),
        "--state-dir", dir.resolve("state").toString())).isZero();
    var doc = javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(xml.toFile());
    var cases = doc.getElementsByTagName("testcase");
    assertThat(cases.getLength()).as("6 tasks and a handler on 2 hosts").isEqualTo(14);
    assertThat(doc.getElementsByTagName("skipped").getLength()).isEqualTo(1);
    assertThat(doc.getElementsByTagName("failure").getLength()).as("an ignored failure passes").isZero();
    assertThat(((org.w3c.dom.Element) cases.item(0)).getAttribute("classname")).isEqualTo("pump1");
  }
}

package io.runbook.exec;

import io.runbook.model.Status;
import io.runbook.report.HostResult;
import io.runbook.report.Recap;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * runbook and ansible-core 2.14 agree on a playbook that uses every meta runbook supports and
 * {@code args}: the same PLAY RECAP counts, and the same result lines under each task (see
 * fixtures/meta/README.md for how ansible-recap.txt was made).
 */
class MetaRecapTests {
  private static final Path DIR = Path.of("src/test/resources/fixtures/meta");
  private static final Pattern RECAP = Pattern.compile("^(\\S+)\\s+: ok=(\\d+)\\s+changed=(\\d+)\\s+"
      + "unreachable=(\\d+)\\s+failed=(\\d+)\\s+skipped=(\\d+)\\s+rescued=(\\d+)\\s+ignored=(\\d+)");
  private static final Pattern BANNER = Pattern.compile("^(?:TASK|RUNNING HANDLER) \\[(.+)\\] \\*+$");
  private static final Pattern RESULT = Pattern.compile("^(ok|changed|skipping|failed|fatal): \\[([^\\]]+)\\]");
  @TempDir Path dir;

  @Test
  void theRecapCountsAreAnsibles() throws Exception {
    RecordingListener l = run();
    Map<String, String> ours = new LinkedHashMap<>();
    l.recap.hosts().forEach((host, c) -> ours.put(host, counts(c)));
    assertThat(ours).isEqualTo(ansibleRecap());
    assertThat(l.exitCode).isZero();
  }

  @Test
  void eachTaskShowsTheResultLinesAnsibleShows() throws Exception {
    RecordingListener l = run();
    Map<String, List<String>> ours = new TreeMap<>();
    for (HostResult r : l.results) {
      if (r.task().action().equals("meta") && r.status() == Status.OK) {
        continue; // a META: line, which Ansible prints only with -vv
      }
      String status = r.status() == Status.SKIPPED ? "skipping" : r.status().name().toLowerCase();
      ours.computeIfAbsent(r.task().name(), t -> new ArrayList<>()).add(status + " " + r.host());
    }
    ours.values().forEach(java.util.Collections::sort);
    assertThat(ours).isEqualTo(ansibleResults());
  }

  private RecordingListener run() {
    Fixture f = new Fixture(dir);
    f.options = RunOptions.defaults().withForks(5);
    return f.run(DIR.resolve("playbook.yml"), DIR.resolve("hosts.ini"));
  }

  private static String counts(Recap.Counts c) {
    return "ok=" + c.ok() + " changed=" + c.changed() + " unreachable=" + c.unreachable() + " failed=" + c.failed()
        + " skipped=" + c.skipped() + " rescued=" + c.rescued() + " ignored=" + c.ignored();
  }

  private static Map<String, String> ansibleRecap() throws Exception {
    Map<String, String> out = new LinkedHashMap<>();
    for (String line : Files.readAllLines(DIR.resolve("ansible-recap.txt"))) {
      Matcher m = RECAP.matcher(line);
      if (m.find()) {
        out.put(m.group(1), "ok=" + m.group(2) + " changed=" + m.group(3) + " unreachable=" + m.group(4)
            + " failed=" + m.group(5) + " skipped=" + m.group(6) + " rescued=" + m.group(7)
            + " ignored=" + m.group(8));
      }
    }
    assertThat(out).as("the recap in ansible-recap.txt").hasSize(4);
    return out;
  }

  /** Task name → the sorted "status host" lines Ansible printed under its banners. */
  private static Map<String, List<String>> ansibleResults() throws Exception {
    Map<String, List<String>> out = new TreeMap<>();
    String task = null;
    for (String line : Files.readAllLines(DIR.resolve("ansible-recap.txt"))) {
      Matcher banner = BANNER.matcher(line);
      Matcher result = RESULT.matcher(line);
      if (banner.find()) {
        task = banner.group(1);
      } else if (line.startsWith("PLAY ")) {
        task = null;
      } else if (task != null && result.find()) {
        out.computeIfAbsent(task, t -> new ArrayList<>()).add(result.group(1) + " " + result.group(2));
      }
    }
    out.values().forEach(java.util.Collections::sort);
    return out;
  }
}

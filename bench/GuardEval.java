import io.runbook.expr.Compiled;
import io.runbook.expr.Expressions;
import io.runbook.source.SourcePosition;
import java.util.List;
import java.util.Map;

/**
 * The cost of evaluating a guard compiled when the playbook loaded, as the run does: a timed
 * loop in a warmed JVM (run with the launcher's flags), microseconds per evaluation.
 *   java -XX:TieredStopAtLevel=1 -cp target/runbook.jar bench/GuardEval.java [ITERATIONS]
 */
public class GuardEval {
  public static void main(String[] args) {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
    Expressions ex = new Expressions();
    SourcePosition at = SourcePosition.none("bench");
    Map<String, Object> pump = Map.of("state", "online", "maxCommitTS", 415249658412007425L);
    Map<String, Object> vars = Map.of(
        "r", Map.of("rc", 0L, "stdout", "pump is ready", "status", 200L),
        "inventory_hostname", "pump2",
        "groups", Map.of("pump_servers", List.of("pump1", "pump2", "pump3")),
        "probe", Map.of("json", Map.of("status", Map.of("pump1:8250", pump, "pump2:8250", pump,
            "pump3:8250", Map.of("state", "paused", "maxCommitTS", 1L)))),
        "tidb_version", "v3.0.5");
    String[] guards = {
        "r.rc == 0",
        "r.rc == 0 and r.stdout is search('ready')",
        "inventory_hostname in groups['pump_servers']",
        "tidb_version is version('v3.0.0', '>=')",
        "probe.json.status | dict2items | selectattr('value.state', 'equalto', 'online') | list | length >= 1",
    };
    for (String g : guards) {
      Compiled c = ex.compile(g, false, at);
      for (int i = 0; i < n / 4; i++) {
        ex.test(c, at, vars); // warm up
      }
      long start = System.nanoTime();
      boolean last = false;
      for (int i = 0; i < n; i++) {
        last = ex.test(c, at, vars);
      }
      double us = (System.nanoTime() - start) / 1000.0 / n;
      System.out.printf("%7.2f us  %s  (%s)%n", us, g, last);
    }
  }
}

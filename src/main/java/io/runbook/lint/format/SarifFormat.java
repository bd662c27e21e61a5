package io.runbook.lint.format;

import io.runbook.lint.Finding;
import io.runbook.lint.Level;
import io.runbook.lint.LintRule;
import io.runbook.lint.Linter;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * SARIF 2.1.0, what GitHub code scanning uploads: one run of the tool {@code runbook-lint} with
 * its rules, and a result per finding located by file, line and column.
 */
final class SarifFormat implements Formatter {
  static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";

  @Override
  public void write(Linter.Result result, PrintWriter out) {
    List<Map<String, Object>> rules = new ArrayList<>();
    for (LintRule r : result.rules()) {
      rules.add(Map.of("id", r.id(), "name", r.id(),
          "shortDescription", Map.of("text", r.summary()),
          "help", Map.of("text", "docs/lint-rules/" + r.id() + ".md in runbook's repository"),
          "defaultConfiguration", Map.of("level", r.level().lower())));
    }
    List<Map<String, Object>> results = new ArrayList<>();
    for (Finding f : result.findings()) {
      Map<String, Object> region = Map.of("startLine", f.at().line(), "startColumn", f.at().column());
      Map<String, Object> location = Map.of("physicalLocation", Map.of(
          "artifactLocation", Map.of("uri", f.at().file().replace('\\', '/')), "region", region));
      Map<String, Object> r = new LinkedHashMap<>();
      r.put("ruleId", f.rule());
      r.put("level", f.level() == Level.ERROR ? "error" : "warning");
      r.put("message", Map.of("text", f.message()));
      r.put("locations", List.of(location));
      results.add(r);
    }
    Map<String, Object> driver = new LinkedHashMap<>();
    driver.put("name", "runbook-lint");
    driver.put("rules", rules);
    Map<String, Object> sarif = new LinkedHashMap<>();
    sarif.put("$schema", SCHEMA);
    sarif.put("version", "2.1.0");
    sarif.put("runs", List.of(Map.of("tool", Map.of("driver", driver), "results", results)));
    out.println(JsonFormat.write(sarif));
  }
}

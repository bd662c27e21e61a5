package io.runbook.lint.format;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.runbook.lint.Finding;
import io.runbook.lint.Linter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A JSON array: {@code rule}, {@code level}, {@code message}, {@code path}, {@code line}, {@code column}. */
final class JsonFormat implements Formatter {
  static final ObjectMapper JSON = new ObjectMapper();

  @Override
  public void write(Linter.Result result, PrintWriter out) {
    List<Map<String, Object>> items = new ArrayList<>();
    for (Finding f : result.findings()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("rule", f.rule());
      m.put("level", f.level().lower());
      m.put("message", f.message());
      m.put("path", f.at().file());
      m.put("line", f.at().line());
      m.put("column", f.at().column());
      items.add(m);
    }
    out.println(write(items));
  }

  static String write(Object value) {
    try {
      return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}

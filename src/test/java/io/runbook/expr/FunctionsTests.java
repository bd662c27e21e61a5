package io.runbook.expr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.runbook.source.SourcePosition;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FunctionsTests {
  private static final Expressions EX = new Expressions();
  private static final SourcePosition AT = new SourcePosition("f.yml", 1, 1);
  private static final Map<String, Object> VARS = Map.of(
      "s", " Pump-8250 ", "l", List.of(3L, 1L, 2L, 3L), "m", new java.util.TreeMap<>(Map.of("a", 1L, "b", 2L)),
      "json", "{\"status\": {\"p1\": {\"state\": \"online\", \"maxCommitTS\": 405808765432152065}}}",
      "path", "/home/tidb/deploy/bin/pump",
      "nodes", new java.util.LinkedHashMap<>(Map.of(
          "a", Map.of("host", "a:8250", "state", "online", "maxCommitTS", 5L),
          "b", Map.of("host", "b:8251", "state", "paused", "maxCommitTS", 6L),
          "c", Map.of("host", "c:8252", "state", "online", "maxCommitTS", 7L))));

  @ParameterizedTest(name = "{0} => {1}")
  @CsvSource(delimiter = '|', value = {
      "lower(trim(s))                    | pump-8250",
      "upper('x')                        | X",
      "join(split('a,b,c', ','), '-')    | a-b-c",
      "join(split(' a  b '), '+')         | a+b",
      "replace('a.b', '.', '_')          | a_b",
      "startsWith('v3.0.0', 'v3')        | True",
      "endsWith('pump.toml', '.toml')    | True",
      "contains('binlog-socket', 'sock') | True",
      "contains(l, 2)                    | True",
      "contains(m, 'b')                  | True",
      "length(s)                         | 11",
      "length(l)                         | 4",
      "regexMatch('v2.1.0-rc.5', 'v2')   | True",
      "regexMatch('xv2', 'v2')           | False",
      "regexSearch('Release Version: v3.0.1', 'v(\\d+\\.\\d+\\.\\d+)') | 3.0.1",
      "regexReplace('a1b22', '\\d+', '#') | a#b#",
      "quote(\"it's\")                   | 'it'\"'\"'s'",
      "basename(path)                    | pump",
      "dirname(path)                     | /home/tidb/deploy/bin",
      "first(l)                          | 3",
      "last(l)                           | 3",
      "join(keys(m), ',')                | a,b",
      "sum(values(m))                    | 3",
      "join(unique(l), ',')              | 3,1,2",
      "join(sort(l), ',')                | 1,2,3,3",
      "sum(l)                            | 9",
      "min(l)                            | 1",
      "max(l)                            | 3",
      "join(range(3), ',')               | 0,1,2",
      "join(range(2, 4), ',')            | 2,3",
      "int('42') + 1                     | 43",
      "float('1.5') * 2                  | 3.0",
      "str(8250) + '/tcp'                | 8250/tcp",
      "bool('yes')                       | True",
      "bool('False')                     | False",
      "toJson(m)                         | {\"a\": 1, \"b\": 2}",
      "fromJson(json).status.p1.state    | online",
      "fromJson(json).status.p1.maxCommitTS | 405808765432152065",
      "size(l)                           | 4",
      "empty('')                         | True",
      "size(selectattr(values(nodes), 'state', 'equalto', 'online')) | 2",
      "join(mapattr(rejectattr(values(nodes), 'state', 'equalto', 'online'), 'host'), ',') | b:8251",
      "join(mapattr(selectattr(values(nodes), 'maxCommitTS', '==', 7.0), 'host'), ',') | c:8252",
      "join(difference(['p1', 'p2', 'p3', 'p1'], ['p2']), ',') | p1,p3",
      "join(intersect(['p1', 'p2', 'p3'], ['p3', 'p1']), ',') | p1,p3",
      "join(union(['p1', 'p2'], ['p2', 'p3']), ',') | p1,p2,p3",
      "join(map(['b', 'a'], 'extract', nodes, 'host'), ',') | b:8251,a:8250",
  })
  void computes(String expression, String expected) {
    Object value = EX.evaluate(expression, AT, VARS);
    assertThat(Expressions.stringify(value)).isEqualTo(expected);
  }

  @org.junit.jupiter.api.Test
  void fromJsonOfGarbageSaysSo() {
    ExpressionException e = catchThrowableOfType(ExpressionException.class,
        () -> EX.evaluate("fromJson('<html>oops')", AT, VARS));
    assertThat(e.getMessage()).contains("not valid JSON").contains("<html>oops");
  }
}

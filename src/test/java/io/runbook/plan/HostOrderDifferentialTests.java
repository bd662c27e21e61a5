package io.runbook.plan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.runbook.action.BuiltinActions;
import io.runbook.exec.RunOptions;
import io.runbook.exec.RunPlanner;
import io.runbook.expr.Expressions;
import io.runbook.inventory.Inventory;
import io.runbook.load.PlaybookLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A play takes its hosts in the order ansible-core 2.14 takes them (recorded by
 * fixtures/inventory/order/record.py): term by term as the pattern is written, a group's hosts
 * level by level through its children, then {@code order:} and {@code --limit}. Where Ansible's
 * own order depends on Python's string hashing, runbook's must be one of the orders it takes.
 */
class HostOrderDifferentialTests {
  private static final Path FIXTURES = Path.of("src/test/resources/fixtures/inventory/order");
  @TempDir Path dir;

  static Stream<Arguments> cases() throws Exception {
    List<Arguments> out = new ArrayList<>();
    for (JsonNode c : new ObjectMapper().readTree(FIXTURES.resolve("answers.json").toFile()).get("answers")) {
      List<List<String>> orders = new ArrayList<>();
      c.get("orders").forEach(o -> {
        List<String> hosts = new ArrayList<>();
        o.forEach(h -> hosts.add(h.asText()));
        orders.add(hosts);
      });
      out.add(Arguments.of(c.get("inventory").asText(), c.get("pattern").asText(),
          c.path("order").asText("inventory"), c.path("limit").asText(null), orders));
    }
    return out.stream();
  }

  @ParameterizedTest(name = "{0} {1} order={2} limit={3}")
  @MethodSource("cases")
  void aPlayTakesItsHostsInAnsiblesOrder(String inventory, String pattern, String order, String limit,
      List<List<String>> ansible) throws Exception {
    Path play = dir.resolve("play.yml");
    Files.writeString(play, "- hosts: \"" + pattern + "\"\n  order: " + order
        + "\n  serial: 1\n  tasks:\n    - {debug: {msg: here}}\n");
    var actions = BuiltinActions.registry();
    Expressions expressions = new Expressions();
    PlaybookLoader loader = new PlaybookLoader(actions, expressions);
    ExecutionPlan plan = new RunPlanner(actions, expressions, loader).plan(loader.load(play),
        Inventory.load(FIXTURES.resolve(inventory)), RunOptions.defaults().withLimit(limit));
    assertThat(ansible).contains(plan.plays().get(0).hosts());
  }
}

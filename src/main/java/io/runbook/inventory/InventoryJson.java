package io.runbook.inventory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What ansible-inventory prints: {@code --list} (groups with their hosts and children, every
 * host's merged variables under {@code _meta.hostvars}, keys sorted, four-space indent),
 * {@code --host} and {@code --graph}.
 */
final class InventoryJson {
  private static final ObjectMapper JSON = new ObjectMapper()
      .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

  private InventoryJson() {}

  static String list(Inventory inv) {
    Map<String, Object> out = new TreeMap<>();
    Map<String, Object> hostvars = new TreeMap<>();
    for (String h : inv.hosts()) {
      Map<String, Object> vars = inv.inventoryVars(h);
      if (!vars.isEmpty()) {
        hostvars.put(h, new TreeMap<>(vars));
      }
    }
    out.put("_meta", Map.of("hostvars", hostvars));
    for (Group g : inv.groupMap().values()) {
      Map<String, Object> entry = new TreeMap<>();
      List<String> own = new ArrayList<>(g.hosts);
      if (!g.name.equals("all") && !own.isEmpty()) {
        entry.put("hosts", own);
      }
      if (!g.children.isEmpty()) {
        entry.put("children", new ArrayList<>(g.children));
      }
      if (!entry.isEmpty()) {
        out.put(g.name, entry);
      }
    }
    return write(out);
  }

  static String host(Inventory inv, String host) {
    return write(new TreeMap<>(inv.inventoryVars(host)));
  }

  static String graph(Inventory inv) {
    StringBuilder sb = new StringBuilder();
    graph(inv, "all", 0, sb);
    return sb.toString();
  }

  private static void graph(Inventory inv, String group, int depth, StringBuilder sb) {
    Group g = inv.groupMap().get(group);
    sb.append(depth == 0 ? "" : "  |".repeat(depth) + "--").append('@').append(group).append(":\n");
    for (String child : g.children) {
      graph(inv, child, depth + 1, sb);
    }
    if (!group.equals("all")) {
      for (String h : g.hosts) {
        sb.append("  |".repeat(depth + 1)).append("--").append(h).append('\n');
      }
    }
  }

  private static String write(Object value) {
    DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
        .withObjectIndenter(new DefaultIndenter("    ", "\n"))
        .withArrayIndenter(new DefaultIndenter("    ", "\n"));
    try {
      return JSON.writer(new PythonStyle(printer)).writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Python's json.dumps(indent=4) writes {@code "key": value} and {@code {}} for empties. */
  private static final class PythonStyle extends DefaultPrettyPrinter {
    PythonStyle(DefaultPrettyPrinter base) {
      super(base);
    }

    @Override
    public DefaultPrettyPrinter createInstance() {
      return new PythonStyle(this);
    }

    @Override
    public void writeObjectFieldValueSeparator(com.fasterxml.jackson.core.JsonGenerator g)
        throws java.io.IOException {
      g.writeRaw(": ");
    }

    @Override
    public void writeEndObject(com.fasterxml.jackson.core.JsonGenerator g, int entries)
        throws java.io.IOException {
      if (entries == 0) {
        _nesting--;
        g.writeRaw('}');
        return;
      }
      super.writeEndObject(g, entries);
    }

    @Override
    public void writeEndArray(com.fasterxml.jackson.core.JsonGenerator g, int values)
        throws java.io.IOException {
      if (values == 0) {
        _nesting--;
        g.writeRaw(']');
        return;
      }
      super.writeEndArray(g, values);
    }
  }
}

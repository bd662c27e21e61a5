package io.runbook.expr;

import io.runbook.source.InvalidInputException;
import io.runbook.yaml.YamlReader;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/** Conversions and encodings: default, mandatory, int, float, bool, abs, round, ternary, JSON, YAML, base64. */
final class DataFilters {
  private DataFilters() {}

  static void register(Library lib) {
    lib.lenientFilter("default", "default_value, boolean", 0, DataFilters::fallback);
    lib.filterAlias("default", "d");
    lib.lenientFilter("mandatory", "msg", 0, (v, a) -> {
      if (v instanceof Undefined u) {
        throw a.fail(a.has(0) ? Values.str(a.get(0)) : "a mandatory value is missing: " + u.what());
      }
      return v;
    });
    lib.filter("int", "default, base", 0, DataFilters::toInt);
    lib.filter("float", "default", 0, DataFilters::toFloat);
    lib.filter("bool", "", 0, (v, a) -> toBool(v));
    lib.filter("abs", "", 0, (v, a) -> v instanceof Double d ? (Object) Math.abs(d)
        : Values.isNumeric(v) ? Values.integer(Values.big(v).abs()) : fail(a, "a number", v));
    lib.filter("round", "precision, method", 0, DataFilters::round);
    lib.filter("ternary", "true_val, false_val, none_val", 2, (v, a) ->
        v == null && a.has(2) ? a.get(2) : Values.truthy(v, a.at) ? a.get(0) : a.get(1));
    lib.filter("to_json", "indent, sort_keys, ensure_ascii", 0, (v, a) ->
        PyJson.write(v, (int) a.integer(0, 0), a.bool(1, false), a.bool(2, true), a.at));
    lib.filter("to_nice_json", "indent, sort_keys, ensure_ascii", 0, (v, a) ->
        PyJson.write(v, (int) a.integer(0, 4), a.bool(1, true), a.bool(2, true), a.at));
    lib.filter("from_json", "", 0, DataFilters::fromJson);
    lib.filter("to_yaml", "indent", 0, (v, a) -> yaml(v, DumperOptions.FlowStyle.AUTO, (int) a.integer(0, 2), a));
    lib.filter("to_nice_yaml", "indent", 0, (v, a) -> yaml(v, DumperOptions.FlowStyle.BLOCK, (int) a.integer(0, 4), a));
    lib.filter("from_yaml", "", 0, DataFilters::fromYaml);
    lib.filter("b64encode", "encoding", 0, (v, a) -> Base64.getEncoder()
        .encodeToString(TextFilters.text(v, a).getBytes(StandardCharsets.UTF_8)));
    lib.filter("b64decode", "encoding", 0, DataFilters::b64decode);
    lib.filter("extract", "container, morekeys", 1, Selections::extract);
    lib.filter("type_debug", "", 0, (v, a) -> Values.typeName(v));
    lib.filter("hash", "hashtype", 0, (v, a) -> Digests.hex(TextFilters.text(v, a), a.string(0, "sha1"), a));
    lib.filter("checksum", "", 0, (v, a) -> Digests.hex(TextFilters.text(v, a), "sha1", a));
    lib.filter("md5", "", 0, (v, a) -> Digests.hex(TextFilters.text(v, a), "md5", a));
    lib.filter("sha1", "", 0, (v, a) -> Digests.hex(TextFilters.text(v, a), "sha1", a));
  }

  /** Jinja2's default: the fallback when the value is undefined (or, with {@code true}, falsy). */
  private static Object fallback(Object v, Args a) {
    boolean whenFalsy = a.bool(1, false);
    boolean missing = v instanceof Undefined || whenFalsy && !Values.truthy(v, a.at);
    return missing ? a.get(0, "") : v;
  }

  private static Object fail(Args a, String what, Object v) {
    throw a.error(what, v);
  }

  /** Jinja2's int: numbers truncated, text parsed (as a float if need be), else the default. */
  private static Object toInt(Object v, Args a) {
    Object fallback = a.get(0, 0L);
    long base = a.integer(1, 10);
    if (v instanceof Boolean b) {
      return b ? 1L : 0L;
    }
    if (v instanceof Double d) {
      return Double.isFinite(d) ? Values.integer(new BigDecimal(d).toBigInteger()) : fallback;
    }
    if (Values.isInteger(v)) {
      return v;
    }
    if (v instanceof String s) {
      String t = s.strip().replace("_", "");
      try {
        if (base != 10) {
          String digits = t.toLowerCase(Locale.ROOT).replaceFirst("^0[xob]", "");
          return Values.integer(new BigInteger(digits, (int) base));
        }
        return Values.integer(new BigInteger(t.startsWith("+") ? t.substring(1) : t));
      } catch (NumberFormatException | ArithmeticException e) {
        try {
          double d = Double.parseDouble(t);
          return Double.isFinite(d) ? Values.integer(new BigDecimal(d).toBigInteger()) : fallback;
        } catch (NumberFormatException e2) {
          return fallback;
        }
      }
    }
    return fallback;
  }

  private static Object toFloat(Object v, Args a) {
    Object fallback = a.get(0, 0.0);
    if (Values.isNumeric(v)) {
      return Values.real(v);
    }
    if (v instanceof String s) {
      String t = s.strip();
      if (t.matches("[+-]?(\\d[\\d_]*\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?|[+-]?(inf|infinity|nan)")) {
        try {
          return Double.parseDouble(t.replace("_", "").replaceAll("(?i)^([+-]?)inf(inity)?$", "$1Infinity")
              .replaceAll("(?i)^[+-]?nan$", "NaN"));
        } catch (NumberFormatException e) {
          return fallback;
        }
      }
    }
    return fallback;
  }

  /** Ansible's bool filter: yes, on, 1, true (any case) are true; a bool or none stays as it is. */
  static Object toBool(Object v) {
    if (v == null || v instanceof Boolean) {
      return v;
    }
    if (v instanceof Number n) {
      return Values.equal(n, 1L);
    }
    String s = Values.str(v).strip().toLowerCase(Locale.ROOT);
    return s.equals("yes") || s.equals("on") || s.equals("1") || s.equals("true");
  }

  /** Jinja2's round: always a float; 'common' rounds half to even as Python's round(). */
  private static Object round(Object v, Args a) {
    if (!Values.isNumeric(v)) {
      throw a.error("a number", v);
    }
    long precision = a.integer(0, 0);
    String method = a.string(1, "common");
    RoundingMode mode = switch (method) {
      case "common" -> RoundingMode.HALF_EVEN;
      case "ceil" -> RoundingMode.CEILING;
      case "floor" -> RoundingMode.FLOOR;
      default -> throw a.fail("method is one of common, ceil, floor");
    };
    if (method.equals("common") && precision >= 0 && !(v instanceof Double)) {
      return v instanceof Boolean ? Values.big(v).longValue() : v; // Python's round(7) stays 7
    }
    return Arithmetic.round(Values.real(v), precision, mode);
  }

  private static Object fromJson(Object v, Args a) {
    String s = TextFilters.text(v, a);
    try {
      return plain(JsonCodec.MAPPER.readValue(s, Object.class));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw a.fail("not valid JSON (" + e.getOriginalMessage() + "): "
          + Values.repr(s.length() > 60 ? s.substring(0, 60) + "..." : s));
    }
  }

  /** Parsed JSON or YAML made plain: integers as Long where they fit. */
  static Object plain(Object x) {
    if (x instanceof BigInteger b) {
      return Values.integer(b);
    }
    if (x instanceof Integer || x instanceof Short) {
      return ((Number) x).longValue();
    }
    if (x instanceof Float f) {
      return f.doubleValue();
    }
    if (x instanceof java.util.List<?> l) {
      java.util.List<Object> out = new java.util.ArrayList<>(l.size());
      l.forEach(i -> out.add(plain(i)));
      return out;
    }
    if (x instanceof Map<?, ?> m) {
      Map<Object, Object> out = new java.util.LinkedHashMap<>();
      m.forEach((k, val) -> out.put(k, plain(val)));
      return out;
    }
    return x;
  }

  private static Object fromYaml(Object v, Args a) {
    String s = TextFilters.text(v, a);
    try {
      return plain(YamlReader.parse(s, "from_yaml").toPlain());
    } catch (InvalidInputException e) {
      throw a.fail(e.getMessage());
    }
  }

  private static Object yaml(Object v, DumperOptions.FlowStyle style, int indent, Args a) {
    checkPlain(v, a);
    DumperOptions options = new DumperOptions();
    options.setDefaultFlowStyle(style);
    options.setIndent(Math.max(2, Math.min(9, indent)));
    options.setAllowUnicode(true);
    options.setWidth(80);
    options.setSplitLines(true);
    String out = new Yaml(options).dump(v);
    Budget.text(out, 0);
    return out;
  }

  private static void checkPlain(Object v, Args a) {
    Budget.check();
    if (v instanceof Undefined u) {
      throw u.error(a.at);
    }
    if (v instanceof Map<?, ?> m) {
      m.values().forEach(x -> checkPlain(x, a));
    } else if (v instanceof Collection<?> c) {
      c.forEach(x -> checkPlain(x, a));
    }
  }

  private static Object b64decode(Object v, Args a) {
    try {
      return new String(Base64.getMimeDecoder().decode(TextFilters.text(v, a)), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw a.fail("not valid base64: " + e.getMessage());
    }
  }
}

package io.runbook.expr;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Python's {@code '%s:%d' % (host, port)} and Jinja2's {@code format} filter: printf-style conversions. */
final class Printf {
  private static final Pattern SPEC = Pattern.compile("%(?:\\((\\w+)\\))?([-+ 0#]*)(\\d+)?(?:\\.(\\d+))?([sridfFeEgGxXoc%])");

  private Printf() {}

  static String format(String template, Object args, int at) {
    List<?> positional = args instanceof List<?> l ? l : List.of(args == null ? "None" : args);
    if (args == null) {
      positional = java.util.Collections.singletonList(null);
    }
    Matcher m = SPEC.matcher(template);
    StringBuilder out = new StringBuilder();
    int next = 0;
    int last = 0;
    boolean named = false;
    while (m.find()) {
      out.append(template, last, m.start());
      last = m.end();
      char type = m.group(5).charAt(0);
      if (type == '%') {
        out.append('%');
        continue;
      }
      Object value;
      if (m.group(1) != null) {
        named = true;
        if (!(args instanceof Map<?, ?> map) || !map.containsKey(m.group(1))) {
          throw new ExpressionError(at, "'%(" + m.group(1) + ")' needs a mapping with the key '" + m.group(1) + "'");
        }
        value = ((Map<?, ?>) args).get(m.group(1));
      } else {
        if (next >= positional.size()) {
          throw new ExpressionError(at, "not enough arguments for format string");
        }
        value = positional.get(next++);
      }
      Values.undefinedCheck(value, at);
      out.append(one(m.group(2), m.group(3), m.group(4), type, value, at));
      Budget.text(out, 0);
    }
    if (!named && args instanceof List && next < positional.size()) {
      throw new ExpressionError(at, "not all arguments converted during string formatting");
    }
    return out.append(template.substring(last)).toString();
  }

  private static String one(String flags, String width, String precision, char type, Object value, int at) {
    String javaFlags = flags.replace("#", "");
    String w = width == null ? "" : width;
    String p = precision == null ? "" : "." + precision;
    switch (type) {
      case 's', 'r' -> {
        String s = type == 's' ? Values.str(value) : Values.repr(value);
        return String.format(Locale.ROOT, "%" + (flags.contains("-") ? "-" : "") + w + p + "s", s);
      }
      case 'd', 'i' -> {
        if (!Values.isNumeric(value)) {
          throw new ExpressionError(at, "%" + type + " format: a number is required, not " + Args.describe(value));
        }
        Object n = value instanceof Double d ? (Object) new java.math.BigDecimal(d).toBigInteger() : Values.big(value);
        return String.format(Locale.ROOT, "%" + javaFlags + w + "d", n);
      }
      case 'x', 'X', 'o' -> {
        if (!Values.isInteger(value) && !(value instanceof Boolean)) {
          throw new ExpressionError(at, "%" + type + " format: an integer is required, not " + Args.describe(value));
        }
        return String.format(Locale.ROOT, "%" + javaFlags + w + type, Values.big(value));
      }
      case 'c' -> {
        return value instanceof String s ? s : new String(Character.toChars(((Number) value).intValue()));
      }
      default -> {
        if (!Values.isNumeric(value)) {
          throw new ExpressionError(at, "%" + type + " format: a number is required, not " + Args.describe(value));
        }
        String javaType = type == 'F' ? "f" : String.valueOf(type);
        return String.format(Locale.ROOT, "%" + javaFlags + w + (p.isEmpty() ? ".6" : p) + javaType, Values.real(value));
      }
    }
  }
}

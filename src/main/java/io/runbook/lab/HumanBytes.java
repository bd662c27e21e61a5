package io.runbook.lab;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Sizes as the real Pump's config reads them (go-humanize ParseBytes): "10 gib", "42 MB", "512". */
final class HumanBytes {
  private static final Pattern SIZE = Pattern.compile("\\s*([0-9]+(?:\\.[0-9]+)?)\\s*([a-z]*)\\s*");

  private HumanBytes() {}

  static long parse(String text) {
    Matcher m = SIZE.matcher(text.toLowerCase(Locale.ROOT));
    if (!m.matches()) {
      throw new IllegalArgumentException("not a size: '" + text + "' (write e.g. \"10 gib\" or \"42 MB\")");
    }
    double n = Double.parseDouble(m.group(1));
    double unit = switch (m.group(2)) {
      case "", "b" -> 1;
      case "k", "kb" -> 1e3;
      case "ki", "kib" -> 1L << 10;
      case "m", "mb" -> 1e6;
      case "mi", "mib" -> 1L << 20;
      case "g", "gb" -> 1e9;
      case "gi", "gib" -> 1L << 30;
      case "t", "tb" -> 1e12;
      case "ti", "tib" -> 1L << 40;
      default -> throw new IllegalArgumentException("unknown size unit '" + m.group(2) + "' in '" + text + "'");
    };
    return (long) (n * unit);
  }
}

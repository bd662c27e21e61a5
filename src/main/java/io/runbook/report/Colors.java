package io.runbook.report;

/** ANSI colours as Ansible uses them, or nothing at all when colour is off. */
final class Colors {
  private final boolean on;

  Colors(boolean on) {
    this.on = on;
  }

  String green(String s) {
    return paint("32", s);
  }

  String yellow(String s) {
    return paint("33", s);
  }

  String red(String s) {
    return paint("31", s);
  }

  String cyan(String s) {
    return paint("36", s);
  }

  String purple(String s) {
    return paint("35", s);
  }

  String bold(String s) {
    return s;
  }

  private String paint(String code, String s) {
    return on ? "\u001b[0;" + code + "m" + s + "\u001b[0m" : s;
  }
}

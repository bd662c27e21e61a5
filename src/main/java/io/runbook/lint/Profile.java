package io.runbook.lint;

import java.util.Locale;

/**
 * Sets of rules, each including the ones before it: {@code min} (what breaks a run),
 * {@code basic} (readability and common mistakes), {@code safety} (rolling a fleet safely),
 * {@code production} (everything).
 */
public enum Profile {
  MIN, BASIC, SAFETY, PRODUCTION;

  /** Whether a rule of profile {@code rule} runs under this profile. */
  public boolean includes(Profile rule) {
    return rule.ordinal() <= ordinal();
  }

  public String lower() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The profile named {@code name}, or null. */
  public static Profile named(String name) {
    for (Profile p : values()) {
      if (p.lower().equals(name)) {
        return p;
      }
    }
    return null;
  }
}

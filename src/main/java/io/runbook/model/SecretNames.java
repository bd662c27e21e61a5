package io.runbook.model;

import java.util.Locale;
import java.util.regex.Pattern;

/** Whether a variable's name says it holds a secret: a password, a token, a key. */
public final class SecretNames {
  private static final Pattern SECRET = Pattern.compile("password|passwd|secret|token|private_key|api_key|credential");
  // Where a secret is kept is not the secret.
  private static final Pattern NOT_SECRET = Pattern.compile(".*_(file|path|dir)$");

  private SecretNames() {}

  public static boolean looksSecret(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    return SECRET.matcher(n).find() && !NOT_SECRET.matcher(n).matches();
  }
}

package io.runbook.journal;

import java.util.regex.Pattern;

/**
 * File names for locks: readable where the name allows ({@code pump1},
 * {@code ssh_tidb@10.0.1.5_22-…}), and never able to climb out of the lock folder or to make
 * two different names meet.
 */
final class LockNames {
  private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{0,79}");

  private LockNames() {}

  /** A name as it is when it is a plain word; otherwise its plain part and a hash of it all. */
  static String folder(String name) {
    if (PLAIN.matcher(name).matches()) {
      return name;
    }
    return file(name);
  }

  /** Always with the hash: for identities such as {@code ssh://tidb@10.0.1.5:22}. */
  static String file(String name) {
    String plain = name.replaceAll("[^A-Za-z0-9._@-]+", "_").replaceAll("^[._]+", "");
    if (plain.length() > 60) {
      plain = plain.substring(0, 60);
    }
    return plain + "-" + io.runbook.transport.Checksums.sha256(name.getBytes(java.nio.charset.StandardCharsets.UTF_8)).substring(0, 12);
  }
}

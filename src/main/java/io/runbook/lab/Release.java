package io.runbook.lab;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The release a lab binary was stamped with: what {@code -V} prints and {@code /status} reports.
 * The git hash is derived from the component and version, so it is stable per release.
 */
record Release(String component, String version) {
  String gitHash() {
    try {
      byte[] d = MessageDigest.getInstance("SHA-1")
          .digest((component + "@" + version).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(d);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The text of {@code -V}, shaped like the Go binaries' (TiDB's has a few more lines). */
  String versionText() {
    StringBuilder b = new StringBuilder()
        .append("Release Version: ").append(version).append('\n')
        .append("Git Commit Hash: ").append(gitHash()).append('\n')
        .append("Git Branch: HEAD\n")
        .append("UTC Build Time: 2019-06-28 12:14:07\n")
        .append("Go Version: go1.12\n");
    if (component.equals("tidb-server")) {
      b.append("Race Enabled: false\n")
          .append("TiKV Min Version: 2.1.0-alpha.1-ff3dd160846b7d1aed9079c389fc188f7f5ea13e\n")
          .append("Check Table Before Drop: false\n");
    }
    b.append("(runbook lab build: a simulator, not the real ").append(component).append(")\n");
    return b.toString();
  }

  /** The release a lab binary was stamped with, read from the file; "?" when it is not a lab binary. */
  static String versionIn(java.nio.file.Path binary) {
    try {
      java.util.regex.Matcher m = java.util.regex.Pattern.compile("--release=(\\S+)")
          .matcher(java.nio.file.Files.readString(binary));
      return m.find() ? m.group(1) : "?";
    } catch (java.io.IOException | java.io.UncheckedIOException e) {
      return "?";
    }
  }

  /** Whether this TiDB or binlog release belongs to the cluster generation of TiDB Binlog. */
  boolean clusterGeneration() {
    return Versions.clusterBinlog(version);
  }
}

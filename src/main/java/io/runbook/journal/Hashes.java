package io.runbook.journal;

import io.runbook.transport.Checksums;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** SHA-256 of texts and files, for the journal's record of what a run was started with. */
final class Hashes {
  private Hashes() {}

  static String sha256(String text) {
    return Checksums.sha256(text.getBytes(StandardCharsets.UTF_8));
  }

  static String file(Path p) {
    try {
      return Checksums.sha256(Files.readAllBytes(p));
    } catch (IOException e) {
      return "unreadable";
    }
  }
}

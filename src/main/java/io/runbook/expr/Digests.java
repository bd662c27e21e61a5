package io.runbook.expr;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** The hash filters: a digest of the text's UTF-8 bytes in hex. */
final class Digests {
  private Digests() {}

  static String hex(String text, String algorithm, Args a) {
    String java = switch (algorithm) {
      case "md5" -> "MD5";
      case "sha1" -> "SHA-1";
      case "sha224" -> "SHA-224";
      case "sha256" -> "SHA-256";
      case "sha384" -> "SHA-384";
      case "sha512" -> "SHA-512";
      default -> throw a.fail("unknown hash type " + Values.repr(algorithm) + " (md5, sha1, sha256, sha512...)");
    };
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance(java).digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw a.fail("hash type " + algorithm + " is not available");
    }
  }
}

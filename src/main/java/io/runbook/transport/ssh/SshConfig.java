package io.runbook.transport.ssh;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The parts of an OpenSSH client config ({@code ~/.ssh/config}) that say where and as whom to
 * connect: {@code Host} patterns (with {@code *}, {@code ?} and {@code !}), {@code HostName},
 * {@code User}, {@code Port} and {@code IdentityFile}. As in OpenSSH, the first value found for a
 * keyword wins. Everything else in the file is left to OpenSSH.
 */
public final class SshConfig {
  private record Block(List<String> patterns, Map<String, String> values) {}

  private final List<Block> blocks;

  private SshConfig(List<Block> blocks) {
    this.blocks = blocks;
  }

  public static SshConfig none() {
    return new SshConfig(List.of());
  }

  /** Reads the file; a missing file is an empty config. */
  public static SshConfig read(Path file) {
    if (file == null || !Files.isReadable(file)) {
      return none();
    }
    List<Block> blocks = new ArrayList<>();
    Block current = new Block(List.of("*"), new HashMap<>());
    blocks.add(current);
    try {
      for (String raw : Files.readAllLines(file)) {
        String line = raw.strip();
        if (line.isEmpty() || line.startsWith("#")) {
          continue;
        }
        String[] kv = line.split("[\\s=]+", 2);
        if (kv.length < 2) {
          continue;
        }
        String key = kv[0].toLowerCase(Locale.ROOT);
        String value = kv[1].strip().replaceAll("^\"|\"$", "");
        if (key.equals("host")) {
          current = new Block(List.of(value.split("\\s+")), new HashMap<>());
          blocks.add(current);
        } else if (key.equals("match")) {
          current = new Block(List.of(), new HashMap<>()); // Match blocks are OpenSSH's alone
          blocks.add(current);
        } else {
          current.values().putIfAbsent(key, value);
        }
      }
    } catch (IOException e) {
      return none();
    }
    return new SshConfig(blocks);
  }

  /** The value of {@code keyword} (lower case) for {@code alias}, or null. */
  public String get(String alias, String keyword) {
    for (Block b : blocks) {
      if (matches(b.patterns(), alias) && b.values().containsKey(keyword)) {
        String v = b.values().get(keyword);
        return v.replace("%h", alias).replace("~/", System.getProperty("user.home") + "/");
      }
    }
    return null;
  }

  private static boolean matches(List<String> patterns, String alias) {
    boolean any = false;
    for (String p : patterns) {
      boolean negated = p.startsWith("!");
      String glob = negated ? p.substring(1) : p;
      boolean m = Pattern.matches(glob.replace(".", "\\.").replace("*", ".*").replace("?", "."), alias);
      if (m && negated) {
        return false;
      }
      any |= m && !negated;
    }
    return any;
  }
}

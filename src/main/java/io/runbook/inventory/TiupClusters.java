package io.runbook.inventory;

import io.runbook.source.InvalidInputException;
import io.runbook.source.SourcePosition;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Where TiUP keeps its clusters, and which inventory paths are TiUP metas. {@code tiup:NAME} is
 * {@code clusters/NAME/meta.yaml} under {@code $TIUP_COMPONENT_DATA_DIR}, else
 * {@code $TIUP_HOME/storage/cluster}, else {@code ~/.tiup/storage/cluster}
 * (pkg/cluster/spec/profile.go {@code Initialize}; spec_manager.go {@code metaFileName}).
 */
final class TiupClusters {
  static final String PREFIX = "tiup:";
  static final String META = "meta.yaml";

  private TiupClusters() {}

  /** The process's environment, with {@code HOME} from the JVM when the environment lacks it. */
  static Map<String, String> systemEnvironment() {
    Map<String, String> env = new HashMap<>(System.getenv());
    env.putIfAbsent("HOME", System.getProperty("user.home"));
    return env;
  }

  static boolean isClusterName(Path inventory) {
    return inventory.toString().startsWith(PREFIX);
  }

  /**
   * A TiUP meta is a file named {@code meta.yaml}: TiUP names every cluster's so, and Ansible
   * YAML inventories are named after what they hold ({@code hosts.yml}, {@code inventory.yml}).
   */
  static boolean isMeta(Path inventory) {
    Path name = inventory.getFileName();
    return name != null && name.toString().equals(META);
  }

  /** The meta.yaml of {@code tiup:NAME}; an unknown name says where it looked. */
  static Path locate(Path inventory, Map<String, String> env) {
    String name = inventory.toString().substring(PREFIX.length());
    SourcePosition at = SourcePosition.none(inventory.toString());
    if (name.isEmpty() || name.contains("/") || name.equals(".") || name.equals("..")) {
      throw new InvalidInputException(at, "'" + inventory + "' needs a TiUP cluster name, as in tiup:prod");
    }
    String from;
    Path root;
    if (set(env, "TIUP_COMPONENT_DATA_DIR")) {
      from = "$TIUP_COMPONENT_DATA_DIR";
      root = Path.of(env.get("TIUP_COMPONENT_DATA_DIR"));
    } else if (set(env, "TIUP_HOME")) {
      from = "$TIUP_HOME/storage/cluster";
      root = Path.of(env.get("TIUP_HOME"), "storage", "cluster");
    } else {
      from = "~/.tiup/storage/cluster";
      root = Path.of(env.getOrDefault("HOME", "/"), ".tiup", "storage", "cluster");
    }
    Path meta = root.resolve("clusters").resolve(name).resolve(META);
    if (!Files.isRegularFile(meta)) {
      throw new InvalidInputException(at, "no TiUP cluster '" + name + "': looked for " + meta + " (" + from
          + "); `tiup cluster list` shows the clusters");
    }
    return meta;
  }

  private static boolean set(Map<String, String> env, String name) {
    return env.get(name) != null && !env.get(name).isEmpty();
  }
}

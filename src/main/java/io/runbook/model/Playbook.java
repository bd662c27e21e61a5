package io.runbook.model;

import java.nio.file.Path;
import java.util.List;

/**
 * A loaded playbook: its plays in order, every file it was read from (itself, statically
 * imported task files, vars files) so that a run can hash them, and the variables it reads that
 * it defines nowhere and that look like a misspelt magic variable (decided once the inventory and
 * the extra vars are known).
 */
public record Playbook(Path file, List<Play> plays, List<Path> sources, List<NameRead> nearMagic) {
  public Playbook {
    plays = List.copyOf(plays);
    sources = List.copyOf(sources);
    nearMagic = List.copyOf(nearMagic);
  }

  /** The folder relative paths in the playbook start from. */
  public Path baseDir() {
    Path parent = file.toAbsolutePath().getParent();
    return parent == null ? Path.of(".") : parent;
  }

  /**
   * Where {@code other} is, seen from the playbook's folder: how plans name files and positions,
   * so that the same playbook gives the same plan from any working folder.
   */
  public String fromBaseDir(Path other) {
    return baseDir().toAbsolutePath().normalize().relativize(other.toAbsolutePath().normalize()).toString();
  }
}

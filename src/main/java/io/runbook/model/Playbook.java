package io.runbook.model;

import java.nio.file.Path;
import java.util.List;

/**
 * A loaded playbook: its plays in order, and every file it was read from (itself, statically
 * imported task files, vars files) so that a run can hash them.
 */
public record Playbook(Path file, List<Play> plays, List<Path> sources) {
  public Playbook {
    plays = List.copyOf(plays);
    sources = List.copyOf(sources);
  }

  /** The folder relative paths in the playbook start from. */
  public Path baseDir() {
    Path parent = file.toAbsolutePath().getParent();
    return parent == null ? Path.of(".") : parent;
  }
}

package io.runbook.cli;

import io.runbook.exec.RunOptions;
import io.runbook.load.ExtraVars;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * What {@code run} and {@code plan} both take: everything that decides what a run does, so that
 * a plan can be made for exactly the run that will hold to its hash.
 */
final class Selection {
  @Option(names = {"-i", "--inventory"}, paramLabel = "INVENTORY",
      description = "Inventory: an INI or YAML file, a TiUP meta.yaml, or tiup:NAME for a TiUP"
          + " cluster. Without it only localhost is known.")
  Path inventory;

  @Option(names = {"-e", "--extra-vars"}, paramLabel = "VARS",
      description = "k=v pairs, a JSON object, or @file; highest precedence; repeatable.")
  List<String> extraVars = new ArrayList<>();

  @Option(names = {"-l", "--limit"}, paramLabel = "PATTERN", description = "Narrow every play to these hosts.")
  String limit;

  @Option(names = {"-t", "--tags"}, split = ",", description = "Only tasks with these tags.")
  List<String> tags = new ArrayList<>();

  @Option(names = "--skip-tags", split = ",", description = "Skip tasks with these tags.")
  List<String> skipTags = new ArrayList<>();

  @Option(names = {"-C", "--check"}, description = "Predict changes; change nothing.")
  boolean check;

  @Option(names = {"-D", "--diff"}, description = "Show file changes.")
  boolean diff;

  @Option(names = {"-f", "--forks"}, defaultValue = "5", description = "Hosts at once (default ${DEFAULT-VALUE}).")
  int forks;

  /**
   * The options a resumed run continues with (see exec.ResumeOptions); the -e written here stay
   * when {@code keepExtraVars} (the journal does not keep secret ones).
   */
  void restore(io.runbook.journal.RecordedOptions o, boolean keepExtraVars) {
    check = o.check();
    diff = o.diff();
    forks = o.forks();
    limit = o.limit();
    tags = new ArrayList<>(o.tags());
    skipTags = new ArrayList<>(o.skipTags());
    if (!keepExtraVars) {
      extraVars = new ArrayList<>(o.extraVars());
    }
  }

  RunOptions apply(RunOptions options, picocli.CommandLine cmd) {
    if (forks < 1) {
      throw new picocli.CommandLine.ParameterException(cmd, "--forks must be at least 1");
    }
    return options.withExtraVars(ExtraVars.parse(extraVars)).withLimit(limit).withTags(tags, skipTags)
        .withCheckMode(check).withDiff(diff).withForks(forks);
  }
}

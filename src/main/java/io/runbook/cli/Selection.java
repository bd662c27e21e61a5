package io.runbook.cli;

import io.runbook.exec.RunOptions;
import io.runbook.load.ExtraVars;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** What {@code run} and {@code plan} both take: the inventory, extra vars, limit and tags. */
final class Selection {
  @Option(names = {"-i", "--inventory"}, paramLabel = "INVENTORY",
      description = "Inventory file (INI or YAML). Without it only localhost is known.")
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

  RunOptions apply(RunOptions options) {
    return options.withExtraVars(ExtraVars.parse(extraVars)).withLimit(limit).withTags(tags, skipTags);
  }
}

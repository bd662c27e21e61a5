package io.runbook.cli;

import io.runbook.action.BuiltinActions;
import io.runbook.expr.Expressions;
import io.runbook.lint.LintConfig;
import io.runbook.lint.LintRule;
import io.runbook.lint.Linter;
import io.runbook.lint.Profile;
import io.runbook.lint.format.Formatter;
import io.runbook.lint.rules.Rules;
import io.runbook.source.Diagnostic;
import io.runbook.source.InvalidInputException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code runbook lint [PATH...]}: exit codes as ansible-lint's: 0 clean, 2 violations, 3
 * invalid config, 5 no files to lint.
 */
@Command(name = "lint", mixinStandardHelpOptions = true, exitCodeOnInvalidInput = ExitCodes.BAD_OPTIONS,
    description = {"Lint playbooks, task files and inventories (default: playbooks/ and inventories/).",
        "Exit codes: 0 clean, 2 violations, 3 invalid config, 5 no files."})
public final class LintCommand implements Callable<Integer> {
  static final int VIOLATIONS = 2;
  static final int INVALID_CONFIG = 3;
  static final int NO_FILES = 5;

  @Spec CommandSpec spec;

  @Parameters(paramLabel = "PATH", arity = "0..*") List<Path> paths = new ArrayList<>();

  @Option(names = {"-f", "--format"}, paramLabel = "text|pep8|json|sarif|github") String format = "text";

  @Option(names = "--profile", paramLabel = "min|basic|safety|production") String profileName;

  @Option(names = "--strict", description = "warnings count as violations") boolean strict;

  @Option(names = {"-c", "--config"}, paramLabel = "FILE", description = "default: ./.runbook-lint.yml")
  Path configFile;

  @Option(names = {"-L", "--list-rules"}, description = "list the rules and exit") boolean listRules;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    List<LintRule> rules = Rules.all();
    if (listRules) {
      for (LintRule r : rules) {
        out.printf("%-28s %-10s %s%n", r.id(), r.profile().lower(), r.summary());
      }
      out.flush();
      return ExitCodes.OK;
    }
    Formatter formatter = Formatter.named(format);
    if (formatter == null) {
      err.println("runbook: lint: unknown format '" + format + "'; use text, pep8, json, sarif or github");
      err.flush();
      return ExitCodes.BAD_OPTIONS;
    }
    LintConfig config;
    try {
      config = config(rules.stream().map(LintRule::id).collect(Collectors.toSet()));
    } catch (InvalidInputException e) {
      e.diagnostics().stream().map(Diagnostic::toString).forEach(err::println);
      err.println("runbook: lint: invalid config");
      err.flush();
      return INVALID_CONFIG;
    }
    Profile profile = profileName == null ? config.profile() : Profile.named(profileName);
    if (profile == null) {
      err.println("runbook: lint: --profile must be min, basic, safety or production");
      err.flush();
      return INVALID_CONFIG;
    }
    List<Path> roots = paths.isEmpty() ? defaults() : paths;
    Expressions expressions = new Expressions();
    Linter.Result result = new Linter(rules, config, profile)
        .lint(roots, Path.of(""), BuiltinActions.registry(), expressions);
    if (result.files().isEmpty()) {
      err.println("runbook: lint: no files to lint in " + roots);
      err.flush();
      return NO_FILES;
    }
    formatter.write(result, out);
    out.flush();
    boolean violations = strict ? !result.findings().isEmpty() : result.hasErrors();
    return violations ? VIOLATIONS : ExitCodes.OK;
  }

  private LintConfig config(Set<String> known) {
    Path file = configFile != null ? configFile : LintConfig.find(Path.of(""));
    if (file == null) {
      return LintConfig.defaults();
    }
    if (!Files.isRegularFile(file)) {
      throw new InvalidInputException(io.runbook.source.SourcePosition.none(file.toString()), "no such file");
    }
    return LintConfig.read(file, known);
  }

  private static List<Path> defaults() {
    List<Path> out = new ArrayList<>();
    for (String d : List.of("playbooks", "inventories")) {
      if (Files.isDirectory(Path.of(d))) {
        out.add(Path.of(d));
      }
    }
    return out;
  }
}

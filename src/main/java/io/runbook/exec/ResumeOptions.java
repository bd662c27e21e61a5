package io.runbook.exec;

import io.runbook.journal.Journal;
import io.runbook.journal.RecordedOptions;
import io.runbook.journal.RunHistory;
import io.runbook.load.ExtraVars;
import io.runbook.model.SecretNames;
import io.runbook.report.Secrets;
import io.runbook.source.InvalidInputException;
import io.runbook.source.SourcePosition;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A resumed run continues in the mode and with the options its run was started with: what the
 * command line leaves out comes from the journal, and what it gives must agree with the journal
 * (a changed limit, tags, forks or extra vars only with {@code --force}, naming each change; a
 * check run never becomes a real one, nor a real one a check run).
 */
public final class ResumeOptions {
  /** The command-line names of the options a resume restores, as {@code given} names them. */
  public static final List<String> NAMES = List.of("--check", "--diff", "--forks", "--limit", "--tags",
      "--skip-tags", "--extra-vars");

  private ResumeOptions() {}

  /** A run to resume: its id and the options it was started with. */
  public record Resumed(String runId, RecordedOptions options) {}

  /** Run {@code resume} (an id or {@code last}); null when it is not found or never began. */
  public static Resumed of(Path stateDir, String resume) throws IOException {
    RunHistory.Run run = new RunHistory(stateDir).find(resume);
    RecordedOptions options = run == null ? null
        : Journal.options(stateDir.resolve("runs").resolve(run.id()).resolve("journal.jsonl"));
    return options == null ? null : new Resumed(run.id(), options);
  }

  /**
   * This run's options as its journal keeps them; an inline {@code -e} that sets a variable whose
   * name or value is secret is withheld (named, not kept).
   */
  public static RecordedOptions record(RunOptions options, Secrets secrets, List<String> extraVarArgs) {
    List<String> kept = new ArrayList<>();
    List<String> withheld = new ArrayList<>();
    for (String arg : extraVarArgs) {
      if (arg.startsWith("@")) {
        kept.add(arg); // a file's name; its content is read again, and hashed
        continue;
      }
      Map<String, Object> vars = ExtraVars.parse(List.of(arg));
      List<String> secret = vars.entrySet().stream().filter(e -> SecretNames.looksSecret(e.getKey())
          || isSecret(secrets, e.getValue())).map(Map.Entry::getKey).toList();
      if (secret.isEmpty()) {
        kept.add(arg);
      } else {
        withheld.addAll(vars.keySet());
      }
    }
    return new RecordedOptions(options.checkMode(), options.diff(), options.forks(), options.limit(),
        options.tags(), options.skipTags(), kept, withheld);
  }

  private static boolean isSecret(Secrets secrets, Object value) {
    return value != null && !secrets.mask(String.valueOf(value)).equals(String.valueOf(value));
  }

  /**
   * What the resumed run runs with. {@code given} holds the names ({@link #NAMES}) of the options
   * written on this command line; {@code now} their values.
   */
  public static RecordedOptions reconcile(String runId, RecordedOptions then, RecordedOptions now,
      Set<String> given, boolean force) {
    SourcePosition at = SourcePosition.none("--resume " + runId);
    if (given.contains("--check") && now.check() != then.check()) {
      throw new InvalidInputException(at, then.check()
          ? "run " + runId + " was a check run: its journal holds predictions, not changes; to make"
              + " the changes, start a new run (without --resume)"
          : "run " + runId + " made real changes: resume it without --check, or check what is left"
              + " with a new run (runbook run --check, without --resume)");
    }
    List<String> changes = new ArrayList<>();
    boolean diff = pick(given, "--diff", then.diff(), now.diff(), changes);
    int forks = pick(given, "--forks", then.forks(), now.forks(), changes);
    String limit = pick(given, "--limit", then.limit(), now.limit(), changes);
    List<String> tags = pick(given, "--tags", then.tags(), now.tags(), changes);
    List<String> skipTags = pick(given, "--skip-tags", then.skipTags(), now.skipTags(), changes);
    boolean extraGiven = given.contains("--extra-vars");
    if (!extraGiven && !then.withheld().isEmpty()) {
      throw new InvalidInputException(at, "run " + runId + " was started with -e " + String.join(", ", then.withheld())
          + ", which its journal does not keep (a secret): give the same -e again");
    }
    if (!changes.isEmpty() && !force) {
      throw new InvalidInputException(at, "resuming run " + runId + " would change its options: "
          + String.join("; ", changes) + " (leave them out to resume as it was begun, or add --force)");
    }
    // Changed extra vars are caught with the changed files, by the journal's hashes.
    return new RecordedOptions(then.check(), diff, forks, limit, tags, skipTags,
        extraGiven ? now.extraVars() : then.extraVars(), extraGiven ? now.withheld() : then.withheld());
  }

  private static <T> T pick(Set<String> given, String name, T then, T now, List<String> changes) {
    if (!given.contains(name) || Objects.equals(then, now)) {
      return then;
    }
    changes.add(name + " " + shown(now) + " (was " + shown(then) + ")");
    return now;
  }

  private static String shown(Object value) {
    return value == null ? "none" : value instanceof List<?> l ? (l.isEmpty() ? "none" : String.join(",",
        l.stream().map(String::valueOf).toList())) : String.valueOf(value);
  }
}

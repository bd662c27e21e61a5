package io.runbook.journal;

import io.runbook.transport.CommandResult;
import io.runbook.transport.CommandSpec;
import io.runbook.transport.Transport;
import io.runbook.transport.TransportException;
import java.time.Duration;
import java.util.Optional;

/**
 * The run lock's record on a target host, so that runs from two controllers meet there too: a
 * folder {@code <dir>/hosts/<inventory name>/} made with {@code mkdir} (atomic on every POSIX
 * filesystem, NFS included) holding the owner's record, made over the host's own transport as its
 * login user. {@code <dir>} is the host's {@code runbook_lock_dir}, else the login user's
 * {@code ~/.runbook/locks}; named per inventory host because several of them may share one machine.
 *
 * @param path the lock folder on the host, as the host spells it
 */
public record TargetLock(String host, String path, String runId) {
  private static final Duration BOUND = Duration.ofSeconds(30);

  /**
   * Takes the folder, or when {@code mode} is {@code break}, takes it over from the owner whose
   * run id is {@code $5} (none: an ownerless folder). Prints {@code taken PATH}, or
   * {@code held PATH} and the holder's record.
   */
  private static final String SCRIPT = """
      mode=$1 name=$3 record=$4 expected=$5
      if [ -n "$2" ]; then base=$2; else base="${HOME:?no HOME on the host}/.runbook/locks"; fi
      d="$base/hosts/$name"
      own() { printf '%s\\n' "$record" >"$d/owner.new" && mv -f "$d/owner.new" "$d/owner" && echo "taken $d"; }
      mkdir -p "$base/hosts" || exit 3
      if mkdir "$d" 2>/dev/null; then own || { rm -rf "$d"; exit 3; }; exit 0; fi
      [ -d "$d" ] || { echo "cannot make $d" >&2; exit 3; }
      if [ "$mode" = break ]; then
        if [ -n "$expected" ]; then grep -qF "\\"run_id\\":\\"$expected\\"" "$d/owner" 2>/dev/null
        else [ ! -s "$d/owner" ]; fi && { own; exit $?; }
      fi
      echo "held $d"
      cat "$d/owner" 2>/dev/null
      exit 0
      """;

  /** Removes the folder if it is still this run's (a --break-lock may have given it to another). */
  private static final String RELEASE = """
      if grep -qF "\\"run_id\\":\\"$2\\"" "$1/owner" 2>/dev/null; then rm -rf "$1"; fi
      """;

  /** What an attempt came to. */
  public sealed interface Attempt permits Taken, Refused {}

  public record Taken(TargetLock lock) implements Attempt {}

  /** @param message one line: the host, the holder, what to do */
  public record Refused(String message) implements Attempt {}

  /**
   * Takes {@code host}'s lock folder for {@code owner}. A live holder is never displaced; a holder
   * gone from this same controller machine is stale; one on another controller cannot be checked
   * from here. Either is taken over with {@code breakStale}, and the run being resumed
   * ({@code resuming}) takes over its own. Throws {@link io.runbook.transport.UnreachableException}
   * when the host cannot be reached.
   *
   * @param dir the host's lock directory, or null for the login user's ~/.runbook/locks
   */
  public static Attempt take(Transport transport, String host, String dir, LockOwner owner,
      boolean breakStale, String resuming) {
    String[] answer = script(transport, host, "take", dir, owner, "");
    if (answer[0].equals("taken")) {
      return new Taken(new TargetLock(host, answer[1], owner.runId()));
    }
    Optional<LockOwner> holder = LockOwner.parse(answer[2]);
    String at = host + ": the host's lock " + answer[1];
    if (holder.isEmpty()) {
      return breakStale ? takeOver(transport, host, dir, owner, "")
          : new Refused(at + " has no owner record (a run died while taking it, or is taking it"
              + " now): if no run is starting there, run again with --break-lock");
    }
    LockOwner h = holder.get();
    LockOwner.Liveness liveness = h.liveness();
    if (liveness == LockOwner.Liveness.ALIVE) {
      return new Refused(at + " is held by " + h.describe() + "; wait for it to finish");
    }
    boolean neverBegan = liveness == LockOwner.Liveness.GONE && !h.journalBegan(); // its journal is here
    if (breakStale || h.runId().equals(resuming) || neverBegan) {
      return takeOver(transport, host, dir, owner, h.runId());
    }
    return new Refused(liveness == LockOwner.Liveness.GONE
        ? at + " was left by " + h.describe() + ", which ended without releasing it (process gone): "
            + h.staleAdvice()
        : at + " is held by " + h.describe() + ", which this controller cannot check (another"
            + " machine, or this one before a reboot): wait for it to finish, or if that run is gone,"
            + " run again with --break-lock");
  }

  private static Attempt takeOver(Transport transport, String host, String dir, LockOwner owner,
      String expected) {
    String[] answer = script(transport, host, "break", dir, owner, expected);
    if (answer[0].equals("taken")) {
      return new Taken(new TargetLock(host, answer[1], owner.runId()));
    }
    String holder = LockOwner.parse(answer[2]).map(LockOwner::describe).orElse("another run");
    return new Refused(host + ": the host's lock " + answer[1] + " was just taken by " + holder
        + "; wait for it to finish");
  }

  /** {@code [taken|held, path, holder record]}. */
  private static String[] script(Transport transport, String host, String mode, String dir,
      LockOwner owner, String expected) {
    CommandResult r = transport.run(CommandSpec.of("/bin/sh", "-c", SCRIPT, "sh", mode,
        dir == null ? "" : dir, LockNames.folder(host), owner.toJson(), expected).withTimeout(BOUND));
    String[] lines = r.stdout().split("\n", 2);
    String[] first = lines[0].split(" ", 2);
    if (!r.succeeded() || first.length < 2 || !(first[0].equals("taken") || first[0].equals("held"))) {
      throw new TransportException(host + ": cannot take the host's lock"
          + (dir == null ? " in ~/.runbook/locks" : " in " + dir) + ": "
          + (r.stderr().isBlank() ? r.status().describe() : r.stderr().strip())
          + " (set runbook_lock_dir for the host to a folder its login user may write)");
    }
    return new String[] {first[0], first[1], lines.length > 1 ? lines[1] : ""};
  }

  /** Removes the folder, if it is still this run's. Throws when the host cannot be reached. */
  public void release(Transport transport) {
    CommandResult r = transport.run(CommandSpec.of("/bin/sh", "-c", RELEASE, "sh", path, runId)
        .withTimeout(BOUND));
    if (!r.succeeded()) {
      throw new TransportException(r.stderr().isBlank() ? r.status().describe() : r.stderr().strip());
    }
  }
}

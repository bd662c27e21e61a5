package io.runbook.journal;

import java.nio.file.Path;
import java.util.Arrays;

/**
 * Keeps the run locks of tests in their own folders: a {@code run} without {@code --lock-dir}
 * gets one, so no test writes into ~/.runbook/locks (the build's RUNBOOK_LOCK_DIR points nowhere
 * writable, so a run that escaped this would fail, not pollute the home folder).
 */
public final class TestLocks {
  private TestLocks() {}

  /** {@code args}, with {@code --lock-dir DIR} added to a {@code run} that names none. */
  public static String[] withLockDir(String[] args, Path dir) {
    if (args.length == 0 || !args[0].equals("run") || Arrays.asList(args).contains("--lock-dir")) {
      return args;
    }
    String[] more = Arrays.copyOf(args, args.length + 2);
    more[args.length] = "--lock-dir";
    more[args.length + 1] = dir.toString();
    return more;
  }
}

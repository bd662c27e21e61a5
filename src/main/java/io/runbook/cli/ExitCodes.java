package io.runbook.cli;

/** Exit codes of {@code runbook run}, as ansible-playbook's (DESIGN.md §2). */
public final class ExitCodes {
  public static final int OK = 0;
  public static final int INTERNAL_ERROR = 1;
  public static final int HOST_FAILED = 2;
  public static final int HOST_UNREACHABLE = 3;
  public static final int INVALID_INPUT = 4;
  public static final int BAD_OPTIONS = 5;
  public static final int INTERRUPTED = 99;

  private ExitCodes() {}
}

package io.runbook.cli;

import picocli.CommandLine;

/** The {@code runbook} executable. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    String command = args.length > 0 ? args[0] : null;
    if ("lint".equals(command)) {
      // The lint's own start-up work overlaps with picocli's (both cores busy from the start).
      io.runbook.lint.rules.Rules.prepareInBackground();
    }
    int code;
    try {
      code = commandLine(command).execute(args);
    } catch (OutOfMemoryError | StackOverflowError e) {
      System.err.println("runbook: " + ErrorHandler.resourceMessage(e));
      code = ExitCodes.INTERNAL_ERROR;
    }
    System.exit(code);
  }

  /** The command line with runbook's exit codes and error handling, for main and for tests. */
  public static CommandLine commandLine() {
    return commandLine(null);
  }

  /**
   * With {@code only} naming a subcommand, just that one is built (a quicker start); otherwise
   * all of them, for help and for anything that is not a subcommand.
   */
  static CommandLine commandLine(String only) {
    CommandLine cmd = new CommandLine(new RunbookCommand());
    java.util.Map<String, java.util.function.Supplier<Object>> all = RunbookCommand.subcommands();
    if (only != null && all.containsKey(only) && !only.equals("help")) {
      cmd.addSubcommand(only, all.get(only).get());
    } else {
      all.forEach((name, make) -> cmd.addSubcommand(name, make.get()));
    }
    // "-e @vars.yml" is Ansible's extra-vars file, not picocli's argument file.
    cmd.setExpandAtFiles(false);
    cmd.setExecutionExceptionHandler(new ErrorHandler());
    cmd.setParameterExceptionHandler(ErrorHandler::badOptions);
    return cmd;
  }
}

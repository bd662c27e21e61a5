package io.runbook.cli;

import picocli.CommandLine;

/** The {@code runbook} executable. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /** The command line with runbook's exit codes and error handling, for main and for tests. */
  public static CommandLine commandLine() {
    CommandLine cmd = new CommandLine(new RunbookCommand());
    // "-e @vars.yml" is Ansible's extra-vars file, not picocli's argument file.
    cmd.setExpandAtFiles(false);
    cmd.setExecutionExceptionHandler(new ErrorHandler());
    cmd.setParameterExceptionHandler(ErrorHandler::badOptions);
    return cmd;
  }
}

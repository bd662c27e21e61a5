package io.runbook.cli;

import io.runbook.source.Diagnostic;
import io.runbook.source.InvalidInputException;
import java.io.PrintWriter;
import java.util.Arrays;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * Turns what escapes a command into one-line messages and exit codes: bad input is
 * {@code file:line:col: message} and exit 4; anything else is an internal error (exit 1) whose
 * stack trace shows only with {@code -v}.
 */
final class ErrorHandler implements IExecutionExceptionHandler {

  @Override
  public int handleExecutionException(Exception e, CommandLine cmd, ParseResult parsed) {
    PrintWriter err = cmd.getErr();
    if (e instanceof InvalidInputException invalid) {
      printDiagnostics(err, invalid);
      return ExitCodes.INVALID_INPUT;
    }
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof OutOfMemoryError || t instanceof StackOverflowError) {
        err.println("runbook: " + resourceMessage((Error) t));
        err.flush();
        return ExitCodes.INTERNAL_ERROR;
      }
    }
    err.println("runbook: internal error: " + e);
    if (verbose(parsed)) {
      e.printStackTrace(err);
    } else {
      err.println("(run again with -v to see where)");
    }
    err.flush();
    return ExitCodes.INTERNAL_ERROR;
  }

  /** One line for an exhausted controller: what ran out, and how to give it more. */
  static String resourceMessage(Error e) {
    if (e instanceof StackOverflowError) {
      return "internal error: the controller ran out of stack (a structure nested too deeply?);"
          + " the run's journal is intact, resume it with --resume last";
    }
    return "the controller ran out of memory (heap of " + Runtime.getRuntime().maxMemory() / (1024 * 1024)
        + " MiB); the run's journal is intact: give it more with RUNBOOK_JAVA_OPTS=-Xmx2g and"
        + " resume it with --resume last";
  }

  static void printDiagnostics(PrintWriter err, InvalidInputException invalid) {
    for (Diagnostic d : invalid.diagnostics()) {
      err.println(d);
    }
    long errors = invalid.diagnostics().stream().filter(Diagnostic::isError).count();
    err.println(errors == 1 ? "1 error; nothing was run." : errors + " errors; nothing was run.");
    err.flush();
  }

  static int badOptions(ParameterException e, String[] args) {
    CommandLine cmd = e.getCommandLine();
    PrintWriter err = cmd.getErr();
    err.println("runbook: " + e.getMessage());
    err.println("Try '" + cmd.getCommandSpec().qualifiedName() + " --help' for the options.");
    err.flush();
    return ExitCodes.BAD_OPTIONS;
  }

  private static boolean verbose(ParseResult parsed) {
    ParseResult p = parsed;
    while (p != null) {
      if (Arrays.asList(p.originalArgs().toArray(new String[0])).contains("-v")) {
        return true;
      }
      p = p.subcommand();
    }
    return false;
  }
}

package io.runbook.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** Runs {@code runbook} in-process as the command line does, keeping what it printed. */
public final class Cli {
  private StringWriter out = new StringWriter();
  private StringWriter err = new StringWriter();

  /** The exit code; {@link #out()} and {@link #err()} hold what this call printed. */
  public int run(String... args) {
    out = new StringWriter();
    err = new StringWriter();
    CommandLine cmd = Main.commandLine();
    cmd.setOut(new PrintWriter(out));
    cmd.setErr(new PrintWriter(err));
    return cmd.execute(args);
  }

  public String out() {
    return out.toString();
  }

  public String err() {
    return err.toString();
  }
}

package io.runbook.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import picocli.CommandLine.Command;

/**
 * The top command: only subcommands. They are added by {@link Main}, each only when it can be
 * run: building picocli's model of every command costs a start a few hundred milliseconds.
 */
@Command(name = "runbook", mixinStandardHelpOptions = true, versionProvider = Version.class,
    description = "An Ansible-style runbook engine, with the TiDB Binlog upgrade playbooks.")
public final class RunbookCommand {
  /** Every subcommand by name, in the order help lists them. */
  static Map<String, Supplier<Object>> subcommands() {
    Map<String, Supplier<Object>> all = new LinkedHashMap<>();
    all.put("run", RunCommand::new);
    all.put("plan", PlanCommand::new);
    all.put("inventory", InventoryCommand::new);
    all.put("eval", EvalCommand::new);
    all.put("runs", RunsCommand::new);
    all.put("report", ReportCommand::new);
    all.put("lab", LabCommand::new);
    all.put("demo", DemoCommand::new);
    all.put("lint", LintCommand::new);
    all.put("help", picocli.CommandLine.HelpCommand::new);
    return all;
  }
}

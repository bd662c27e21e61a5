package io.runbook.cli;

import picocli.CommandLine.Command;

/** The top command: only subcommands. */
@Command(name = "runbook", mixinStandardHelpOptions = true, versionProvider = Version.class,
    description = "An Ansible-style runbook engine, with the TiDB Binlog upgrade playbooks.",
    subcommands = {RunCommand.class, PlanCommand.class, InventoryCommand.class, EvalCommand.class, RunsCommand.class,
        ReportCommand.class, LabCommand.class, DemoCommand.class, LintCommand.class,
        picocli.CommandLine.HelpCommand.class})
public final class RunbookCommand {}

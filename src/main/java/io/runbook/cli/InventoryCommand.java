package io.runbook.cli;

import io.runbook.inventory.Inventory;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code runbook inventory}: what ansible-inventory prints. */
@Command(name = "inventory", description = "Show an inventory as ansible-inventory does.",
    mixinStandardHelpOptions = true, exitCodeOnInvalidInput = ExitCodes.BAD_OPTIONS)
public final class InventoryCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = {"-i", "--inventory"}, required = true, paramLabel = "INVENTORY",
      description = "An INI or YAML file, a TiUP meta.yaml, or tiup:NAME for a TiUP cluster.") Path inventory;

  @ArgGroup(exclusive = true, multiplicity = "1") Mode mode;

  static final class Mode {
    @Option(names = "--list", description = "All groups and hosts, with _meta.hostvars, as JSON.") boolean list;
    @Option(names = "--host", paramLabel = "HOST", description = "One host's variables as JSON.") String host;
    @Option(names = "--graph", description = "The group tree.") boolean graph;
  }

  @Override
  public Integer call() {
    Inventory inv = Inventory.load(inventory);
    PrintWriter out = spec.commandLine().getOut();
    if (mode.list) {
      out.println(inv.listJson());
    } else if (mode.graph) {
      out.print(inv.graph());
    } else {
      if (!inv.hosts().contains(mode.host)) {
        spec.commandLine().getErr().println("runbook: host '" + mode.host + "' is not in " + inventory);
        return ExitCodes.INVALID_INPUT;
      }
      out.println(inv.hostJson(mode.host));
    }
    out.flush();
    return ExitCodes.OK;
  }
}

package io.runbook.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.runbook.exec.Evaluation;
import io.runbook.expr.ExpressionException;
import io.runbook.inventory.Inventory;
import io.runbook.load.ExtraVars;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code runbook eval}: evaluate a guard or template as a host sees it. */
@Command(name = "eval", description = "Evaluate an expression or {{ template }} for one host.",
    mixinStandardHelpOptions = true, exitCodeOnInvalidInput = ExitCodes.BAD_OPTIONS)
public final class EvalCommand implements Callable<Integer> {
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "EXPRESSION") String expression;

  @Option(names = {"-i", "--inventory"}, paramLabel = "INVENTORY") Path inventory;

  @Option(names = "--host", defaultValue = "localhost", paramLabel = "HOST") String host;

  @Option(names = {"-e", "--extra-vars"}, paramLabel = "VARS") List<String> extraVars = new ArrayList<>();

  @Override
  public Integer call() throws Exception {
    Engine engine = new Engine();
    Inventory inv = inventory == null ? Inventory.empty() : Inventory.load(inventory);
    if (!inv.hosts().contains(host) && !inv.isImplicitLocalhost(host)) {
      spec.commandLine().getErr().println("runbook: host '" + host + "' is not in the inventory");
      return ExitCodes.INVALID_INPUT;
    }
    PrintWriter out = spec.commandLine().getOut();
    try {
      Object value = new Evaluation(engine.expressions, inv, ExtraVars.parse(extraVars))
          .evaluate(expression, host);
      out.println(value instanceof String s ? s : JSON.writeValueAsString(value));
      out.flush();
      return ExitCodes.OK;
    } catch (ExpressionException e) {
      spec.commandLine().getErr().println("<eval>: " + e.getMessage());
      return ExitCodes.INVALID_INPUT;
    }
  }
}

package io.runbook.action;

import java.util.Map;

/**
 * One built-in action ({@code command}, {@code copy}, {@code wait_for}, ...). Actions are
 * stateless singletons; everything about the host and the run comes through the context.
 */
public interface Action {

  /** The key that names the action in a task, e.g. {@code wait_for}. */
  String name();

  /** The arguments it takes, checked when the playbook loads. */
  ArgSpec spec();

  /**
   * Does the work, or in check mode predicts it. {@code args} are already rendered (templates
   * evaluated) and hold only keys of {@link #spec()}. A failure the host reports is a
   * {@link ActionResult} with status FAILED, not an exception; an {@link ActionException} is for
   * arguments that turn out wrong only once rendered.
   */
  ActionResult execute(ActionContext ctx, Map<String, Object> args);

  /**
   * True when running the action is itself a change, whatever its outcome (command, shell): its
   * failure registers {@code changed: true}, so a failure that {@code failed_when} forgives is
   * changed and an ignored one counts changed, as in Ansible.
   */
  default boolean changesWhenRun() {
    return false;
  }

  /** True when the action runs on the controller whatever the host (debug, set_fact, pause...). */
  default boolean controllerOnly() {
    return false;
  }
}

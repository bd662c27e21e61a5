package io.runbook.model;

import java.util.Set;

/**
 * The variables the engine itself provides, under Ansible's names: a closed set, so a misspelt
 * one ({@code inventory_hostnme}) can be refused when the playbook loads. The one list that the
 * run, the loader and lint read.
 */
public final class MagicVariables {
  /** Set for every host of every play. */
  public static final Set<String> NAMES = Set.of("inventory_hostname", "inventory_hostname_short",
      "group_names", "groups", "hostvars", "play_hosts", "ansible_play_batch", "ansible_play_hosts",
      "ansible_play_hosts_all", "ansible_play_name", "check_mode", "ansible_check_mode",
      "ansible_diff_mode", "playbook_dir", "inventory_file", "inventory_dir");

  /** Set where they apply: loop items, an invariant's probe, a rescue's failure, omit. */
  public static final Set<String> CONTEXTUAL = Set.of("item", "ansible_loop", "ansible_index_var",
      "ansible_loop_var", "probe", "ansible_failed_result", "ansible_failed_task", "omit");

  private MagicVariables() {}

  public static boolean provided(String name) {
    return NAMES.contains(name) || CONTEXTUAL.contains(name);
  }
}

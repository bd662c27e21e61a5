package io.runbook.model;

/** One entry of a play's {@code serial}: a number of hosts, or a share of the play's hosts. */
public sealed interface BatchSize permits BatchSize.Hosts, BatchSize.Share {

  /** How many of a play's {@code total} hosts one batch takes: never fewer than one. */
  int of(int total);

  /** {@code serial: 2}; {@code serial: 0} means all at once, as in Ansible. */
  record Hosts(int count) implements BatchSize {
    public Hosts {
      if (count < 0) {
        throw new IllegalArgumentException("a batch has 0 or more hosts, not " + count);
      }
    }

    @Override
    public int of(int total) {
      return Math.max(1, count == 0 ? total : count);
    }
  }

  /** {@code serial: "30%"}: of 20 hosts, 6 (rounded down, as Ansible does). */
  record Share(Percent percent) implements BatchSize {
    @Override
    public int of(int total) {
      return Math.max(1, (int) (total * percent.value() / 100.0));
    }
  }
}

package io.runbook.model;

/** A share from 0 to 100, as {@code max_fail_percentage: 30} or {@code serial: "30%"} write it. */
public record Percent(double value) {

  public Percent {
    if (!(value >= 0 && value <= 100)) {
      throw new IllegalArgumentException("a percentage is from 0 to 100, not " + value);
    }
  }

  /** {@code 30%}, or {@code 12.5%}. */
  @Override
  public String toString() {
    return (value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value)) + "%";
  }
}

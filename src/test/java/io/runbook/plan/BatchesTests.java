package io.runbook.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.runbook.model.BatchSize;
import io.runbook.model.Rule;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BatchesTests {
  private static List<String> hosts(int n) {
    return IntStream.rangeClosed(1, n).mapToObj(i -> "h" + i).toList();
  }

  /** The batch sizes of {@code hosts} hosts with {@code serial} written as in a playbook. */
  private static List<Integer> sizes(int hosts, Object... serial) {
    List<BatchSize> written = Arrays.stream(serial).map(Rule.batchSize("serial")::read).toList();
    return Batches.split(hosts(hosts), written).stream().map(List::size).toList();
  }

  @Test
  void noSerialIsOneBatch() {
    assertThat(sizes(5)).containsExactly(5);
  }

  @Test
  void percentageOfTwentyHostsAtThirtyPercentIsSixSixSixTwo() {
    assertThat(sizes(20, "30%")).containsExactly(6, 6, 6, 2);
  }

  @Test
  void aPercentageIsNeverLessThanOneHost() {
    assertThat(sizes(3, "10%")).containsExactly(1, 1, 1);
  }

  @Test
  void theLastSizeOfAListRepeats() {
    assertThat(sizes(10, 1L, 2L, "50%")).containsExactly(1, 2, 5, 2);
  }

  @Test
  void aNumberWrittenAsTextCountsHostsAndAFractionalShareRoundsDown() {
    assertThat(sizes(10, "3", "25.5%")).containsExactly(3, 2, 2, 2, 1);
  }

  @Test
  void zeroMeansAllAtOnce() {
    assertThat(sizes(4, 0L)).containsExactly(4);
  }

  @Test
  void batchesKeepInventoryOrder() {
    assertThat(Batches.split(hosts(3), List.of(new BatchSize.Hosts(2)))).containsExactly(List.of("h1", "h2"), List.of("h3"));
  }
}

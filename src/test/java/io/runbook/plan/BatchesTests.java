package io.runbook.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BatchesTests {
  private static List<String> hosts(int n) {
    return IntStream.rangeClosed(1, n).mapToObj(i -> "h" + i).toList();
  }

  private static List<Integer> sizes(int hosts, Object... serial) {
    return Batches.split(hosts(hosts), List.of(serial)).stream().map(List::size).toList();
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
  void zeroMeansAllAtOnce() {
    assertThat(sizes(4, 0L)).containsExactly(4);
  }

  @Test
  void batchesKeepInventoryOrder() {
    assertThat(Batches.split(hosts(3), List.of(2L))).containsExactly(List.of("h1", "h2"), List.of("h3"));
  }
}

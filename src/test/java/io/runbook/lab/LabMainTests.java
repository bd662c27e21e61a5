package io.runbook.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LabMainTests {
  @TempDir Path dir;

  /** A start that fails exits 1; an unknown component exits 2 before anything starts. */
  @Test
  void theKafkaEraComponentsAreKnownAndTheirStartFailuresAreFatal() throws Exception {
    Files.writeString(dir.resolve("drainer.toml"), "[syncer]\ndb-type = \"flash\"\n");
    assertThat(LabMain.run(new String[] {"kafka", "--release=0.8.2.0", "--listen=no-port",
        "--data-dir=" + dir.resolve("k")})).isEqualTo(1);
    assertThat(LabMain.run(new String[] {"zookeeper", "--release=3.4.10", "--listen=no-port",
        "--data-dir=" + dir.resolve("z")})).isEqualTo(1);
    assertThat(LabMain.run(new String[] {"pump-kafka", "--release=v2.0.5", "--addr=127.0.0.1:29261"}))
        .as("--socket is required").isEqualTo(1);
    assertThat(LabMain.run(new String[] {"drainer-kafka", "--release=v2.0.5",
        "--config=" + dir.resolve("drainer.toml")})).isEqualTo(1);
    assertThat(LabMain.run(new String[] {"kafka-connect", "--release=v2.0.5"})).isEqualTo(2);
  }
}

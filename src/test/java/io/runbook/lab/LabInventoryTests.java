package io.runbook.lab;

import static org.assertj.core.api.Assertions.assertThat;

import io.runbook.inventory.Inventory;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** inventories/lab.yml is what the lab writes for its default folder, and it loads. */
class LabInventoryTests {
  private static final Path BUNDLED = Path.of("inventories", "lab.yml");

  @Test
  void theBundledLabInventoryIsTheOneTheLabWritesForItsDefaultFolder() throws Exception {
    String expected = LabInventory.yaml(new LabLayout(Path.of(".runbook/lab"), LabLayout.CLUSTER, 0),
        "{{ inventory_dir }}/../.runbook/lab", "../schemas/inventory.json");
    if (Boolean.getBoolean("golden.update")) {
      Files.writeString(BUNDLED, expected);
    }
    assertThat(Files.readString(BUNDLED)).isEqualTo(expected);
  }

  @Test
  void everyLabHostHasADeployFolderAndThePortsMatchTheLayout() {
    Inventory inv = Inventory.load(BUNDLED);
    assertThat(inv.hosts()).containsExactly("pd1", "tidb1", "pump1", "pump2", "pump3", "drainer1",
        "kafka_drainer1", "kafka1", "zookeeper1");
    assertThat(inv.hostVars("pump2")).containsEntry("pump_port", 8251L).containsKey("deploy_dir");
    assertThat(inv.hostVars("drainer1")).containsEntry("drainer_port", 8249L);
    assertThat(inv.hostVars("tidb1")).containsEntry("kafka_pump_port", 8260L);
  }
}

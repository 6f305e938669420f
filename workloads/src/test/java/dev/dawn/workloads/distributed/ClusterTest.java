package dev.dawn.workloads.distributed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClusterTest {
  @Test
  void localIsOneTaskAndChief() {
    assertThat(Cluster.LOCAL.taskCount()).isEqualTo(1);
    assertThat(Cluster.LOCAL.isMultiWorker()).isFalse();
    assertThat(Cluster.LOCAL.isChief()).isTrue();
  }

  @Test
  void workersAreAddressedByTask() {
    Cluster c = new Cluster(List.of("127.0.0.1:2222", "host-b:2223", "[::1]:2224"), 1);
    assertThat(c.taskCount()).isEqualTo(3);
    assertThat(c.isMultiWorker()).isTrue();
    assertThat(c.isChief()).isFalse();
    assertThat(c.address(1)).isEqualTo("host-b:2223");
    assertThat(c.host(2)).isEqualTo("::1");
    assertThat(c.port(0)).isEqualTo(2222);
    assertThat(new Cluster(List.of("a:1", "b:2"), 0).isChief()).isTrue();
  }

  @Test
  void badClustersAreRefusedWithTheReason() {
    assertThatThrownBy(() -> new Cluster(List.of("a:1", "b:2"), 2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("task index 2 is not in [0, 2) for a cluster of 2 workers");
    assertThatThrownBy(() -> new Cluster(List.of("a:1"), -1))
        .hasMessageContaining("task index -1 is not in [0, 1)");
    assertThatThrownBy(() -> new Cluster(List.of(), 1))
        .hasMessageContaining("task index 1 given but the cluster lists no workers");
    assertThatThrownBy(() -> new Cluster(List.of("a:1", "b:0"), 0))
        .hasMessage("worker 1 address 'b:0' has port 0, not in 1..65535");
    assertThatThrownBy(() -> new Cluster(List.of("a:65536"), 0))
        .hasMessageContaining("port 65536, not in 1..65535");
    assertThatThrownBy(() -> new Cluster(List.of("a:x"), 0))
        .hasMessageContaining("'a:x' has a port that is not a number");
    assertThatThrownBy(() -> new Cluster(List.of("nohost"), 0))
        .hasMessageContaining("'nohost' must be host:port");
    assertThatThrownBy(() -> new Cluster(List.of(":80"), 0))
        .hasMessageContaining("must be host:port");
    assertThatThrownBy(() -> new Cluster(List.of("a:1", "a:1"), 0))
        .hasMessageContaining("'a:1' is listed twice");
  }

  @Test
  void replicasOfAClusterAreCountedOverAllWorkersAndPinnedToTheirTask() {
    Cluster c = new Cluster(List.of("127.0.0.1:2222", "127.0.0.1:2223"), 1);
    ReplicaSettings one = new ReplicaSettings(1, 0, 5, c);
    assertThat(one.groupSize()).isEqualTo(2);
    assertThat(one.isReplicated()).isTrue();
    assertThat(one.device(0).toString()).isEqualTo("/job:worker/replica:0/task:1/device:CPU:0");
    ReplicaSettings two = new ReplicaSettings(2, 0, 5, c);
    assertThat(two.groupSize()).isEqualTo(4);
    assertThat(two.perWorkerBatch(16)).isEqualTo(8);
    assertThat(two.perReplicaBatch(8)).isEqualTo(4);
    assertThatThrownBy(() -> two.perWorkerBatch(10))
        .hasMessageContaining("batch size 10 is not divisible by 2 workers x 2 replicas");
    ReplicaSettings local = new ReplicaSettings(1, 0, 5);
    assertThat(local.cluster()).isEqualTo(Cluster.LOCAL);
    assertThat(local.isReplicated()).isFalse();
    assertThat(local.device(0).toString()).isEqualTo("/device:CPU:0");
  }

  @Test
  void layoutGroupKeysAreStableAndApart() {
    assertThat(CollectiveKeys.layoutGroup(1, 2, 176, 1728))
        .isEqualTo(CollectiveKeys.layoutGroup(1, 2, 176, 1728))
        .isNotEqualTo(CollectiveKeys.layoutGroup(1, 2, 176, 1729))
        .isNotEqualTo(CollectiveKeys.layoutGroup(2, 2, 176, 1728))
        .isGreaterThan(CollectiveKeys.HANDSHAKE_GROUP);
  }
}

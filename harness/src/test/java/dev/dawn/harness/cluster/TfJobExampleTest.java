package dev.dawn.harness.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The TFJob example ships with the NetworkPolicy that fences it: the policy selects the job's own
 * pods by the label the training operator gives them and admits its worker port from those pods
 * alone.
 */
class TfJobExampleTest {
  private static final String JOB_LABEL = "training.kubeflow.org/job-name";

  @Test
  void theNetworkPolicyAdmitsOnlyTheJobsOwnPodsToItsWorkerPort() throws Exception {
    List<JsonNode> docs;
    try (var it =
        new YAMLMapper()
            .readerFor(JsonNode.class)
            .readValues(Path.of("..", "docs", "tfjob-example.yaml").toFile())) {
      docs = it.readAll().stream().map(JsonNode.class::cast).toList();
    }
    JsonNode job = kind(docs, "TFJob");
    JsonNode policy = kind(docs, "NetworkPolicy");
    String name = job.at("/metadata/name").asText();
    JsonNode container = job.at("/spec/tfReplicaSpecs/Worker/template/spec/containers").get(0);
    int port = container.at("/ports/0/containerPort").asInt();
    assertThat(port).isPositive();

    assertThat(policy.at("/spec/podSelector/matchLabels").get(JOB_LABEL).asText()).isEqualTo(name);
    assertThat(policy.at("/spec/policyTypes").toString()).contains("Ingress");
    JsonNode ingress = policy.at("/spec/ingress");
    assertThat(ingress).hasSize(1);
    assertThat(ingress.at("/0/from")).hasSize(1);
    assertThat(ingress.at("/0/from/0/podSelector/matchLabels").get(JOB_LABEL).asText())
        .isEqualTo(name);
    assertThat(ingress.at("/0/ports")).hasSize(1);
    assertThat(ingress.at("/0/ports/0/port").asInt()).isEqualTo(port);
    assertThat(ingress.at("/0/ports/0/protocol").asText()).isEqualTo("TCP");
  }

  private static JsonNode kind(List<JsonNode> docs, String kind) {
    return docs.stream()
        .filter(d -> kind.equals(d.path("kind").asText()))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + kind + " in docs/tfjob-example.yaml"));
  }
}

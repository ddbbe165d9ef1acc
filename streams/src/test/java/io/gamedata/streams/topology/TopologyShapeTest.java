package io.gamedata.streams.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.gamedata.streams.metrics.PipelineMetrics;
import io.gamedata.streams.names.TopicNames;
import io.gamedata.streams.processor.EmitPolicy;
import io.gamedata.streams.processor.ReferenceActivity;
import io.gamedata.streams.store.GameStateStore;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyDescription;
import org.junit.jupiter.api.Test;

class TopologyShapeTest {

  private final TopicNames topics = TopicNames.defaults();
  private final PipelineMetrics metrics = new PipelineMetrics();

  @Test
  void decodingKeysInTheTopologyAddsNoRepartitionTopic() {
    Topology references =
        TopologyFactory.references(
            topics, "app-reference-updates", metrics, new ReferenceActivity());
    Topology games =
        TopologyFactory.games(
            topics,
            "app-references-reference-values-changelog",
            "app-reference-updates",
            3,
            metrics,
            100,
            new EmitPolicy(1000, 30_000),
            new ReferenceActivity(),
            GameStateStore.MEMORY);
    for (Topology t : new Topology[] {references, games}) {
      String description = t.describe().toString();
      assertThat(description).doesNotContain("repartition");
    }
    // the raw sources and the first processor after each of them
    assertThat(processorAfter(games, "game-source")).isEqualTo("game-inbound");
    assertThat(processorAfter(references, "reference-source")).isEqualTo("reference-router");
  }

  private static String processorAfter(Topology topology, String source) {
    for (TopologyDescription.Subtopology s : topology.describe().subtopologies()) {
      for (TopologyDescription.Node n : s.nodes()) {
        if (n.name().equals(source)) {
          return n.successors().iterator().next().name();
        }
      }
    }
    throw new AssertionError("no source " + source);
  }
}

package io.gamedata.kafka.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

class EmbeddedConnectWorkerIT {

  @Test
  void workerListsServiceLoadedPluginRunsItAndStopsCleanly() throws Exception {
    try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.builder().build().start()) {
      try (Admin admin = EmbeddedKafkaBrokerIT.admin(broker)) {
        admin.createTopics(java.util.List.of(new NewTopic("plugin-in", 1, (short) 1))).all().get();
        io.gamedata.contracts.topic.TopicCreator.awaitLeaders(
            admin, java.util.List.of("plugin-in"), 30_000);
      }
      long t0 = System.nanoTime();
      EmbeddedConnectWorker worker =
          EmbeddedConnectWorker.builder(broker.bootstrapServers()).build();
      worker.start();
      System.out.printf(
          "[kafka-local] connect worker start-up: %d ms%n", (System.nanoTime() - t0) / 1_000_000);
      try {
        assertThat(worker.get("/connector-plugins"))
            .contains("io.gamedata.kafka.local.CountingSinkConnector");

        worker.put(
            "/connectors/counting/config",
            "{\"connector.class\":\"io.gamedata.kafka.local.CountingSinkConnector\","
                + "\"topics\":\"plugin-in\",\"tasks.max\":\"1\"}");
        try (KafkaProducer<String, String> p = EmbeddedKafkaBrokerIT.producer(broker)) {
          for (int i = 0; i < 100; i++) {
            p.send(new ProducerRecord<>("plugin-in", "k" + i, "v" + i));
          }
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (CountingSinkConnector.RECEIVED.get() < 100 && System.nanoTime() < deadline) {
          Thread.sleep(100);
        }
        assertThat(CountingSinkConnector.RECEIVED.get()).isEqualTo(100);
        assertThat(worker.get("/connectors/counting/status")).contains("RUNNING");
      } finally {
        long s0 = System.nanoTime();
        worker.close();
        System.out.printf(
            "[kafka-local] connect worker stop: %d ms%n", (System.nanoTime() - s0) / 1_000_000);
      }
      assertThat(worker.isRunning()).isFalse();
    }
  }
}

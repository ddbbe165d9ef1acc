package io.gamedata.recommender.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.gamedata.contracts.enriched.EnrichedGame;
import io.gamedata.contracts.topic.Topic;
import io.gamedata.contracts.topic.Topics;
import io.gamedata.kafka.testkit.KafkaCluster;
import io.gamedata.kafka.testkit.KafkaExtension;
import io.gamedata.recommender.service.RecommenderConfig;
import io.gamedata.recommender.service.RecommenderService;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * A small demo watched in the browser: the whole recommender service follows the embedded broker's
 * {@code games.enriched}; while the page is open, a game arrives, changes and is deleted there, and
 * the page's live panel (server-sent events) shows each step, its link opens the new game, the open
 * game's page says it changed, and the catalogue size in the footer follows. At 1400 px, then the
 * same at 390 px.
 */
@ExtendWith(KafkaExtension.class)
class LivePageIT {

  @Test
  void aGameArrivesChangesAndLeavesWhileThePageIsOpen(
      KafkaCluster kafka, @TempDir Path state, @TempDir Path profile) throws Exception {
    Topic<Long, EnrichedGame> enriched = kafka.createTopic(Topics.GAMES_ENRICHED);
    Map<String, String> m = new LinkedHashMap<>();
    m.put(RecommenderConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
    m.put(RecommenderConfig.TOPIC_ENRICHED_CONFIG, enriched.name());
    m.put(RecommenderConfig.TOPIC_SIMILAR_CONFIG, kafka.createTopic(Topics.GAMES_SIMILAR).name());
    m.put(RecommenderConfig.TOPIC_DLQ_CONFIG, kafka.createTopic(Topics.GAMES_DLQ).name());
    m.put(RecommenderConfig.HTTP_HOST_CONFIG, "127.0.0.1");
    m.put(RecommenderConfig.HTTP_PORT_CONFIG, "0");
    m.put(RecommenderConfig.STATE_DIR_CONFIG, state.toString());
    m.put(RecommenderConfig.LIST_SIZE_CONFIG, "10");
    Map<Long, EnrichedGame> catalogue = new LinkedHashMap<>();
    WebCatalogue.games().forEach(g -> catalogue.put(g.id(), g));
    kafka.produce(enriched, catalogue);
    int size = catalogue.size();

    try (RecommenderService service = new RecommenderService(RecommenderConfig.from(m)).start();
        KafkaProducer<Long, EnrichedGame> producer =
            new KafkaProducer<>(
                kafka.producerConfig(),
                enriched.keySerde().serializer(),
                enriched.valueSerde().serializer());
        Browser browser = Browser.start(profile)) {
      Awaitility.await().atMost(Duration.ofSeconds(60)).until(service::ready);
      String base = "http://127.0.0.1:" + service.port() + "/";
      long id = 100;
      for (int width : List.of(1400, 390)) {
        browser.width(width);
        browser.open(base + "#/games/1", "#/games/1");
        browser.wait.until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.id("catalogue-size"), size + " games"));
        WebElement panel = browser.find("#live");
        assertThat(panel.getText()).contains("Just arrived");

        // a new game arrives in the catalogue: the panel lists it, its link opens it
        EnrichedGame comet =
            EnrichedGame.builder(id)
                .name("Comet Rider " + width)
                .releaseYear(2026)
                .genres(List.of("Shooter"))
                .themes(List.of("Science fiction"))
                .keywords(List.of("space", "lasers"))
                .platforms(List.of(WebCatalogue.PC))
                .gameTypeId(0L)
                .gameType("Main Game")
                .summary("Ride a comet through an asteroid field.")
                .build();
        producer.send(new ProducerRecord<>(enriched.name(), id, comet)).get();
        WebElement arrived = browser.find("#live .live-item[data-id='" + id + "']");
        assertThat(arrived.getAttribute("data-kind")).isEqualTo("NEW");
        assertThat(arrived.findElement(By.className("live-kind")).getAttribute("textContent"))
            .isEqualTo("New");
        assertThat(arrived.findElement(By.className("live-name")).getText())
            .isEqualTo("Comet Rider " + width);
        browser.wait.until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.id("catalogue-size"), (size + 1) + " games"));
        browser.screenshot("live-arrived");
        arrived.findElement(By.cssSelector("a")).click();
        browser.rendered("#/games/" + id);
        assertThat(browser.find("h1").getText()).isEqualTo("Comet Rider " + width);
        // it is already among its neighbours' similar games
        assertThat(browser.all(".similar .card")).isNotEmpty();

        // it changes while its page is open: the page says so and shows the new version
        producer
            .send(
                new ProducerRecord<>(
                    enriched.name(),
                    id,
                    comet.toBuilder().name("Comet Rider " + width + " Deluxe").build()))
            .get();
        browser.find("main .game-changed button").click();
        browser.wait.until(
            ExpectedConditions.textToBe(By.cssSelector("h1"), "Comet Rider " + width + " Deluxe"));
        assertThat(browser.find("#live .live-item[data-kind='CHANGED'] .live-name").getText())
            .isEqualTo("Comet Rider " + width + " Deluxe");

        // it is deleted: listed as removed, its page says so, the catalogue is back to its size
        producer.send(new ProducerRecord<Long, EnrichedGame>(enriched.name(), id, null)).get();
        assertThat(browser.find("main .game-changed").getText())
            .isEqualTo("This game was just removed from the catalogue.");
        assertThat(browser.find("#live .live-item[data-kind='DELETED'] .live-name").getText())
            .isEqualTo("Comet Rider " + width + " Deluxe");
        browser.wait.until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.id("catalogue-size"), size + " games"));
        browser.screenshot("live-removed");
        assertThat(browser.seriousAccessibilityViolations()).isEmpty();
        assertThat(browser.consoleErrors("/covers/nebula-strike.jpg - ")).isEmpty();
        id++;
      }
    }
  }
}

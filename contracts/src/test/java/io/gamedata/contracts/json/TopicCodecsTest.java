package io.gamedata.contracts.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gamedata.contracts.change.GameChangeEvent;
import io.gamedata.contracts.change.GameChangeEvent.Operation;
import io.gamedata.contracts.enriched.EnrichedGame;
import io.gamedata.contracts.igdb.IgdbGame;
import io.gamedata.contracts.topic.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.Test;

/** The hand-written codecs as wired into the topic contracts. */
class TopicCodecsTest {

  private static final String TOPIC = "t";

  @Test
  void enrichedTopicWritesTheHandWrittenBytesAndReadsThemBack() throws Exception {
    Serde<EnrichedGame> serde = Topics.GAMES_ENRICHED.valueSerde();
    SplittableRandom r = new SplittableRandom(5);
    for (int i = 0; i < 200; i++) {
      EnrichedGame doc = JsonWritersTest.randomDoc(r, i % 3 == 0);
      byte[] bytes = serde.serializer().serialize(TOPIC, doc);
      assertThat(bytes).isEqualTo(Json.mapper().writeValueAsBytes(doc));
      EnrichedGame back = serde.deserializer().deserialize(TOPIC, bytes);
      assertThat(back.id()).isEqualTo(doc.id());
      assertThat(back.genres()).isEqualTo(doc.genres());
      assertThat(back.createdAt()).isEqualTo(doc.createdAt());
      assertThat(back.name()).isEqualTo(doc.name());
    }
  }

  @Test
  void changesTopicWritesTheHandWrittenBytesAndReadsThemBack() throws Exception {
    Serde<GameChangeEvent> serde = Topics.GAMES_CHANGES.valueSerde();
    for (Operation op : Operation.values()) {
      GameChangeEvent event =
          GameChangeEvent.of(
              42,
              op,
              op == Operation.DELETED ? List.of() : List.of("name", "genres"),
              op == Operation.DELETED ? null : Instant.ofEpochSecond(1_700_000_000L, 5),
              op == Operation.DELETED ? null : "new",
              op == Operation.CREATED ? null : "old");
      byte[] bytes = serde.serializer().serialize(TOPIC, event);
      assertThat(bytes).isEqualTo(Json.mapper().writeValueAsBytes(event));
      assertThat(serde.deserializer().deserialize(TOPIC, bytes)).isEqualTo(event);
    }
  }

  @Test
  void rawGamesTopicReadsWithTheHandWrittenReader() throws Exception {
    Serde<IgdbGame> serde = Topics.IGDB_GAMES.valueSerde();
    SplittableRandom r = new SplittableRandom(9);
    int read = 0;
    for (int i = 0; i < 500; i++) {
      byte[] json = RandomGames.game(r).getBytes(StandardCharsets.UTF_8);
      CodecAssertions.Outcome expected =
          CodecAssertions.outcome(b -> Json.mapper().readValue(b, IgdbGame.class), json);
      if (expected.error() == null) {
        IgdbGame game = serde.deserializer().deserialize(TOPIC, json);
        assertThat(game).isEqualTo(expected.game());
        // and the serializer (databind) writes what databind reads back to the same record
        assertThat(
                serde.deserializer().deserialize(TOPIC, serde.serializer().serialize(TOPIC, game)))
            .isEqualTo(game);
        read++;
      } else {
        assertThatThrownBy(() -> serde.deserializer().deserialize(TOPIC, json))
            .isInstanceOf(SerializationException.class)
            .hasMessageStartingWith("Cannot deserialize IgdbGame")
            .hasCauseInstanceOf(expected.error().getClass());
      }
    }
    assertThat(read).isGreaterThan(250);
  }

  @Test
  void nullIsATombstoneBothWays() {
    assertThat(Topics.GAMES_ENRICHED.valueSerde().serializer().serialize(TOPIC, null)).isNull();
    assertThat(Topics.GAMES_ENRICHED.valueSerde().deserializer().deserialize(TOPIC, null)).isNull();
    assertThat(Topics.GAMES_CHANGES.valueSerde().serializer().serialize(TOPIC, null)).isNull();
    assertThat(Topics.GAMES_CHANGES.valueSerde().deserializer().deserialize(TOPIC, null)).isNull();
    assertThat(Topics.IGDB_GAMES.valueSerde().serializer().serialize(TOPIC, null)).isNull();
    assertThat(Topics.IGDB_GAMES.valueSerde().deserializer().deserialize(TOPIC, null)).isNull();
  }

  @Test
  void badBytesRaiseASerializationExceptionNamingTheType() {
    byte[] poison = "{\"id\":1,\"genres\":[1,".getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(
            () -> Topics.IGDB_GAMES.valueSerde().deserializer().deserialize(TOPIC, poison))
        .isInstanceOf(SerializationException.class)
        .hasMessageStartingWith("Cannot deserialize IgdbGame: ");
    byte[] noId = "{\"name\":\"x\"}".getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> Topics.IGDB_GAMES.valueSerde().deserializer().deserialize(TOPIC, noId))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("Missing required creator property 'id'");
    assertThatThrownBy(
            () -> Topics.GAMES_ENRICHED.valueSerde().deserializer().deserialize(TOPIC, poison))
        .isInstanceOf(SerializationException.class)
        .hasMessageStartingWith("Cannot deserialize EnrichedGame");
    assertThatThrownBy(
            () -> Topics.GAMES_CHANGES.valueSerde().deserializer().deserialize(TOPIC, poison))
        .isInstanceOf(SerializationException.class)
        .hasMessageStartingWith("Cannot deserialize GameChangeEvent");
  }

  @Test
  void aFailingWriterRaisesASerializationExceptionNamingTheType() {
    JsonSerde<String> serde =
        JsonSerde.withCodecs(
            String.class,
            v -> {
              throw new java.io.UncheckedIOException(new java.io.IOException("boom"));
            },
            null);
    assertThatThrownBy(() -> serde.serializer().serialize(TOPIC, "x"))
        .isInstanceOf(SerializationException.class)
        .hasMessage("Cannot serialize String")
        .hasRootCauseMessage("boom");
    assertThat(serde.deserializer().deserialize(TOPIC, "\"x\"".getBytes(StandardCharsets.UTF_8)))
        .isEqualTo("x");
  }
}

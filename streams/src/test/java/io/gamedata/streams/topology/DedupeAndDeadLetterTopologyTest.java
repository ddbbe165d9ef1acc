package io.gamedata.streams.topology;

import static io.gamedata.streams.testing.Fixtures.fullGame;
import static io.gamedata.streams.testing.Fixtures.game;
import static io.gamedata.streams.testing.Fixtures.loadAll;
import static io.gamedata.streams.testing.Fixtures.named;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.TextNode;
import io.gamedata.contracts.change.GameChangeEvent.Operation;
import io.gamedata.contracts.dlq.DeadLetter;
import io.gamedata.contracts.igdb.IgdbEndpoint;
import io.gamedata.contracts.igdb.IgdbGame;
import io.gamedata.streams.store.GameStateStore;
import io.gamedata.streams.testing.TopologyHarness;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Validation, poison bytes, dedupe and version ordering, through the whole topology, with the game
 * state in either store ({@code game.state.store}).
 */
@ParameterizedClass
@EnumSource(GameStateStore.class)
class DedupeAndDeadLetterTopologyTest {

  @Parameter GameStateStore store;
  @TempDir Path stateDir;
  TopologyHarness h;

  @BeforeEach
  void start() {
    h = new TopologyHarness(stateDir, store);
    loadAll(h, 1);
  }

  @AfterEach
  void stop() {
    h.close();
  }

  @Test
  void unchangedContentIsEmittedOnce() {
    h.send(IgdbEndpoint.GAMES, 1, fullGame(1, 1_700_000_000L));
    h.send(IgdbEndpoint.GAMES, 1, fullGame(1, 1_700_000_000L));
    assertThat(h.enrichedRecords()).hasSize(1);
    assertThat(h.changeEvents()).hasSize(1);
    assertThat(h.metrics.dedupeHits()).isEqualTo(1);
  }

  @Test
  void touchOnlyUpdatesProduceNothing() {
    IgdbGame v1 = fullGame(1, 1_700_000_000L);
    h.send(IgdbEndpoint.GAMES, 1, v1);
    h.enrichedRecords();
    h.changeEvents();
    // IGDB moves updated_at (and the checksum) and fields the document does not carry
    IgdbGame touched = v1.withUpdatedAt(1_700_000_500L);
    touched.other().put("screenshots", TextNode.valueOf("moved"));
    h.send(IgdbEndpoint.GAMES, 1, touched);
    h.send(IgdbEndpoint.GAMES, 1, v1.withUpdatedAt(1_700_000_900L));
    assertThat(h.enriched.isEmpty()).isTrue();
    assertThat(h.changes.isEmpty()).isTrue();
    assertThat(h.metrics.dedupeHits()).isEqualTo(2);

    // a real change after touches is emitted, with only that field listed
    h.send(IgdbEndpoint.GAMES, 1, game(1, "Renamed", 1_700_001_000L));
    assertThat(h.enriched.readValue().name()).isEqualTo("Renamed");
    var ev = h.changes.readValue();
    assertThat(ev.op()).isEqualTo(Operation.UPDATED);
    assertThat(ev.changedFields()).containsExactly("name");
    assertThat(ev.updatedAt().getEpochSecond()).isEqualTo(1_700_001_000L);
  }

  @Test
  void anOlderVersionNeverOverwritesANewerOne() {
    h.send(IgdbEndpoint.GAMES, 1, game(1, "Newest", 1_700_000_200L));
    h.send(IgdbEndpoint.GAMES, 1, game(1, "Older", 1_700_000_100L));
    assertThat(h.enrichedRecords()).extracting(r -> r.value().name()).containsExactly("Newest");
    // even after a touch that moved updated_at further, the old one stays out
    h.send(IgdbEndpoint.GAMES, 1, game(1, "Newest", 1_700_000_300L));
    h.send(IgdbEndpoint.GAMES, 1, game(1, "Between", 1_700_000_250L));
    assertThat(h.enriched.isEmpty()).isTrue();
    assertThat(h.changeEvents()).hasSize(1);
  }

  @Test
  void invalidGamesGoToTheDeadLetterTopicWithReasonAndSource() {
    String missingName = "{\"id\":2,\"updated_at\":1700000000}";
    h.sendRaw(IgdbEndpoint.GAMES, 2L, missingName);
    h.sendRaw(IgdbEndpoint.GAMES, 3L, "{\"id\":3,\"name\":\"X\",\"rating\":140.0}");
    h.sendRaw(IgdbEndpoint.GAMES, 4L, "{\"id\":5,\"name\":\"Wrong key\"}");
    h.sendRaw(IgdbEndpoint.GAMES, 6L, "{\"id\":6,\"name\":\"Y\",\"genres\":[1,-2]}");
    h.sendRaw(IgdbEndpoint.GAMES, 7L, "{\"id\":7,\"name\":\"Z\",\"first_release_date\":-1e10}");

    var dead = h.dlq.readRecordsToList();
    assertThat(dead).hasSize(5);
    TestRecord<byte[], byte[]> first = dead.get(0);
    assertThat(new String(first.value(), StandardCharsets.UTF_8)).isEqualTo(missingName);
    assertThat(first.key()).hasSize(8);
    Headers headers = first.headers();
    assertThat(DeadLetter.get(headers, DeadLetter.REASON))
        .isEqualTo("missing required field: name");
    assertThat(DeadLetter.get(headers, DeadLetter.SOURCE_TOPIC)).isEqualTo("igdb.games");
    assertThat(DeadLetter.get(headers, DeadLetter.SOURCE_PARTITION)).isEqualTo("0");
    assertThat(DeadLetter.get(headers, DeadLetter.SOURCE_OFFSET)).isEqualTo("0");
    assertThat(DeadLetter.get(headers, DeadLetter.EXCEPTION_CLASS))
        .isEqualTo(DeadLetter.VALIDATION);
    assertThat(DeadLetter.get(headers, DeadLetter.STAGE)).isEqualTo("streams");
    assertThat(dead)
        .extracting(r -> DeadLetter.get(r.headers(), DeadLetter.REASON))
        .containsExactly(
            "missing required field: name",
            "rating must be within 0..100, was 140.0",
            "key 4 does not match id 5",
            "genres contains a negative id -2",
            "first_release_date out of range (year 1653)");
    assertThat(dead)
        .extracting(r -> DeadLetter.get(r.headers(), DeadLetter.SOURCE_OFFSET))
        .containsExactly("0", "1", "2", "3", "4");
    assertThat(h.enriched.isEmpty()).isTrue();
    assertThat(h.metrics.deadLetters()).isEqualTo(5);
  }

  @Test
  void poisonBytesGoToTheDeadLetterTopicAndProcessingGoesOn() {
    byte[] garbage = {(byte) 0xff, 0x00, 0x7b, 0x01};
    h.sendBytes(IgdbEndpoint.GAMES, new byte[] {0, 0, 0, 0, 0, 0, 0, 9}, garbage);
    h.sendRaw(IgdbEndpoint.GAMES, 10L, "{\"id\":10,\"name\":\"Typed\",\"rating\":\"high\"}");
    // a key that is not an 8-byte id: decoded in the topology, dead-lettered with its bytes in
    // the same transaction as its consumed offset
    h.sendBytes(IgdbEndpoint.GAMES, new byte[] {1, 2, 3}, "{}".getBytes(StandardCharsets.UTF_8));
    // a poisoned reference record, a reference key that is not an id, a key/id mismatch
    h.sendBytes(IgdbEndpoint.GENRES, new byte[] {0, 0, 0, 0, 0, 0, 0, 5}, garbage);
    h.sendBytes(IgdbEndpoint.GENRES, new byte[] {4, 2}, "{}".getBytes(StandardCharsets.UTF_8));
    h.send(IgdbEndpoint.GENRES, 6, named(7, "key/id mismatch"));
    // the JSON literal null is not a delete (that is an empty value): dead-lettered, not dropped
    h.sendRaw(IgdbEndpoint.GAMES, 11L, "null");
    h.sendRaw(IgdbEndpoint.GENRES, 12L, "null");
    h.send(IgdbEndpoint.GAMES, 1, fullGame(1, 1_700_000_000L));

    var dead = h.dlq.readRecordsToList();
    assertThat(dead).hasSize(8);
    assertThat(dead.get(0).value()).isEqualTo(garbage);
    assertThat(DeadLetter.get(dead.get(0).headers(), DeadLetter.REASON))
        .startsWith("cannot deserialize IgdbGame");
    assertThat(DeadLetter.get(dead.get(0).headers(), DeadLetter.EXCEPTION_CLASS))
        .startsWith("com.fasterxml.jackson");
    assertThat(DeadLetter.get(dead.get(1).headers(), DeadLetter.REASON))
        .contains("cannot deserialize IgdbGame");
    assertThat(dead.get(2).key()).containsExactly(1, 2, 3);
    assertThat(new String(dead.get(2).value(), StandardCharsets.UTF_8)).isEqualTo("{}");
    assertThat(DeadLetter.get(dead.get(2).headers(), DeadLetter.REASON))
        .startsWith("cannot deserialize key: ")
        .contains("LongDeserializer");
    assertThat(DeadLetter.get(dead.get(2).headers(), DeadLetter.EXCEPTION_CLASS))
        .isEqualTo("org.apache.kafka.common.errors.SerializationException");
    assertThat(DeadLetter.get(dead.get(2).headers(), DeadLetter.SOURCE_OFFSET)).isEqualTo("2");
    assertThat(DeadLetter.get(dead.get(3).headers(), DeadLetter.SOURCE_TOPIC))
        .isEqualTo("igdb.genres");
    assertThat(dead.get(4).key()).containsExactly(4, 2);
    assertThat(DeadLetter.get(dead.get(4).headers(), DeadLetter.REASON))
        .startsWith("cannot deserialize key: ");
    assertThat(DeadLetter.get(dead.get(4).headers(), DeadLetter.SOURCE_TOPIC))
        .isEqualTo("igdb.genres");
    assertThat(DeadLetter.get(dead.get(5).headers(), DeadLetter.REASON))
        .isEqualTo("key 6 does not match id 7");
    assertThat(new String(dead.get(6).value(), StandardCharsets.UTF_8)).isEqualTo("null");
    assertThat(DeadLetter.get(dead.get(6).headers(), DeadLetter.REASON))
        .startsWith("value is the JSON literal null");
    assertThat(DeadLetter.get(dead.get(7).headers(), DeadLetter.SOURCE_TOPIC))
        .isEqualTo("igdb.genres");
    assertThat(DeadLetter.get(dead.get(7).headers(), DeadLetter.REASON))
        .startsWith("value is the JSON literal null");
    assertThat(h.metrics.deadLetters()).isEqualTo(8);
    // the valid game after the poison is processed
    assertThat(h.enriched.readValue().id()).isEqualTo(1L);
  }
}

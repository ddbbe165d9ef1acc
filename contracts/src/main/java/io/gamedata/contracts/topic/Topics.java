package io.gamedata.contracts.topic;

import io.gamedata.contracts.change.GameChangeEvent;
import io.gamedata.contracts.enriched.EnrichedGame;
import io.gamedata.contracts.igdb.IgdbCover;
import io.gamedata.contracts.igdb.IgdbEndpoint;
import io.gamedata.contracts.igdb.IgdbGame;
import io.gamedata.contracts.igdb.IgdbInvolvedCompany;
import io.gamedata.contracts.igdb.IgdbNamed;
import io.gamedata.contracts.igdb.IgdbRecord;
import io.gamedata.contracts.json.EnrichedGameWriter;
import io.gamedata.contracts.json.GameChangeEventWriter;
import io.gamedata.contracts.json.IgdbGameReader;
import io.gamedata.contracts.json.JsonSerde;
import io.gamedata.contracts.similar.SimilarGames;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.Serdes;

/**
 * Every topic of the platform, declared once. Keys are IGDB ids (8-byte big-endian longs, Kafka's
 * {@code LongSerde}); values are UTF-8 JSON; a null value is a tombstone (deleted).
 */
public final class Topics {

  private Topics() {}

  /** Partitions of the per-game topics; all of them partition by game id. */
  public static final int GAME_PARTITIONS = 6;

  private static final Map<String, String> COMPACTED =
      Map.of(
          TopicConfig.CLEANUP_POLICY_CONFIG,
          TopicConfig.CLEANUP_POLICY_COMPACT,
          TopicConfig.MIN_COMPACTION_LAG_MS_CONFIG,
          "0",
          TopicConfig.SEGMENT_MS_CONFIG,
          Long.toString(24L * 3600 * 1000));

  private static final Map<IgdbEndpoint, Topic<Long, ? extends IgdbRecord>> RAW =
      new EnumMap<>(IgdbEndpoint.class);

  /** {@code igdb.games}: raw game records as fetched, compacted, key = game id. */
  public static final Topic<Long, IgdbGame> IGDB_GAMES =
      raw(
          IgdbEndpoint.GAMES,
          JsonSerde.withCodecs(IgdbGame.class, null, IgdbGameReader::read),
          GAME_PARTITIONS);

  public static final Topic<Long, IgdbNamed> IGDB_GENRES =
      raw(IgdbEndpoint.GENRES, IgdbNamed.class, 1);
  public static final Topic<Long, IgdbNamed> IGDB_THEMES =
      raw(IgdbEndpoint.THEMES, IgdbNamed.class, 1);
  public static final Topic<Long, IgdbNamed> IGDB_GAME_MODES =
      raw(IgdbEndpoint.GAME_MODES, IgdbNamed.class, 1);
  public static final Topic<Long, IgdbNamed> IGDB_PLAYER_PERSPECTIVES =
      raw(IgdbEndpoint.PLAYER_PERSPECTIVES, IgdbNamed.class, 1);
  public static final Topic<Long, IgdbNamed> IGDB_PLATFORMS =
      raw(IgdbEndpoint.PLATFORMS, IgdbNamed.class, 1);
  public static final Topic<Long, IgdbNamed> IGDB_GAME_TYPES =
      raw(IgdbEndpoint.GAME_TYPES, IgdbNamed.class, 1);
  public static final Topic<Long, IgdbNamed> IGDB_GAME_STATUSES =
      raw(IgdbEndpoint.GAME_STATUSES, IgdbNamed.class, 1);
  public static final Topic<Long, IgdbNamed> IGDB_KEYWORDS =
      raw(IgdbEndpoint.KEYWORDS, IgdbNamed.class, 3);
  public static final Topic<Long, IgdbNamed> IGDB_COMPANIES =
      raw(IgdbEndpoint.COMPANIES, IgdbNamed.class, 3);
  public static final Topic<Long, IgdbInvolvedCompany> IGDB_INVOLVED_COMPANIES =
      raw(IgdbEndpoint.INVOLVED_COMPANIES, IgdbInvolvedCompany.class, GAME_PARTITIONS);
  public static final Topic<Long, IgdbNamed> IGDB_FRANCHISES =
      raw(IgdbEndpoint.FRANCHISES, IgdbNamed.class, 1);
  public static final Topic<Long, IgdbNamed> IGDB_COLLECTIONS =
      raw(IgdbEndpoint.COLLECTIONS, IgdbNamed.class, 3);
  public static final Topic<Long, IgdbNamed> IGDB_GAME_ENGINES =
      raw(IgdbEndpoint.GAME_ENGINES, IgdbNamed.class, 1);
  public static final Topic<Long, IgdbCover> IGDB_COVERS =
      raw(IgdbEndpoint.COVERS, IgdbCover.class, GAME_PARTITIONS);

  /** {@code games.enriched}: the product topic, compacted, key = game id, null = deleted. */
  public static final Topic<Long, EnrichedGame> GAMES_ENRICHED =
      new Topic<>(
          "games.enriched",
          Serdes.Long(),
          JsonSerde.withCodecs(EnrichedGame.class, EnrichedGameWriter::write, null),
          GAME_PARTITIONS,
          Optional.empty(),
          COMPACTED);

  /** {@code games.changes}: created / updated (changed fields) / deleted events, 30 days. */
  public static final Topic<Long, GameChangeEvent> GAMES_CHANGES =
      new Topic<>(
          "games.changes",
          Serdes.Long(),
          JsonSerde.withCodecs(GameChangeEvent.class, GameChangeEventWriter::write, null),
          GAME_PARTITIONS,
          Optional.empty(),
          Map.of(
              TopicConfig.CLEANUP_POLICY_CONFIG,
              TopicConfig.CLEANUP_POLICY_DELETE,
              TopicConfig.RETENTION_MS_CONFIG,
              Long.toString(30L * 24 * 3600 * 1000)));

  /**
   * {@code games.dlq}: rejected records, original key and value bytes, reason and source
   * coordinates in the headers of {@link io.gamedata.contracts.dlq.DeadLetter}. Kept 90 days.
   */
  public static final Topic<byte[], byte[]> GAMES_DLQ =
      new Topic<>(
          "games.dlq",
          Serdes.ByteArray(),
          Serdes.ByteArray(),
          1,
          Optional.empty(),
          Map.of(
              TopicConfig.CLEANUP_POLICY_CONFIG,
              TopicConfig.CLEANUP_POLICY_DELETE,
              TopicConfig.RETENTION_MS_CONFIG,
              Long.toString(90L * 24 * 3600 * 1000)));

  /** {@code games.similar}: each game's current top-K similar games, compacted, key = game id. */
  public static final Topic<Long, SimilarGames> GAMES_SIMILAR =
      new Topic<>(
          "games.similar",
          Serdes.Long(),
          new JsonSerde<>(SimilarGames.class),
          GAME_PARTITIONS,
          Optional.empty(),
          COMPACTED);

  /**
   * {@code platform.sync-cursors}: the producer's durable state (sync cursors, fetch checkpoints),
   * compacted, key = state name (UTF-8), value = JSON.
   */
  public static final Topic<String, String> SYNC_CURSORS =
      new Topic<>(
          "platform.sync-cursors",
          Serdes.String(),
          Serdes.String(),
          1,
          Optional.empty(),
          COMPACTED);

  private static <V extends IgdbRecord> Topic<Long, V> raw(
      IgdbEndpoint endpoint, Class<V> model, int partitions) {
    return raw(endpoint, new JsonSerde<>(model), partitions);
  }

  private static <V extends IgdbRecord> Topic<Long, V> raw(
      IgdbEndpoint endpoint, JsonSerde<V> serde, int partitions) {
    Class<V> model = serde.type();
    if (endpoint.model() != model) {
      throw new IllegalStateException("model mismatch for " + endpoint);
    }
    Topic<Long, V> topic =
        new Topic<>(
            rawTopicName(endpoint), Serdes.Long(), serde, partitions, Optional.empty(), COMPACTED);
    RAW.put(endpoint, topic);
    return topic;
  }

  /** {@code igdb.<endpoint>}. */
  public static String rawTopicName(IgdbEndpoint endpoint) {
    return "igdb." + endpoint.path();
  }

  /** The raw topic of one endpoint. */
  public static Topic<Long, ? extends IgdbRecord> raw(IgdbEndpoint endpoint) {
    return RAW.get(endpoint);
  }

  /** The raw topic of one endpoint with its value type checked. */
  @SuppressWarnings("unchecked")
  public static <V extends IgdbRecord> Topic<Long, V> raw(IgdbEndpoint endpoint, Class<V> model) {
    if (endpoint.model() != model) {
      throw new IllegalArgumentException(endpoint + " holds " + endpoint.model().getSimpleName());
    }
    return (Topic<Long, V>) RAW.get(endpoint);
  }

  /** Every raw {@code igdb.*} topic, games first. */
  public static List<Topic<Long, ? extends IgdbRecord>> rawTopics() {
    List<Topic<Long, ? extends IgdbRecord>> list = new ArrayList<>();
    for (IgdbEndpoint e : IgdbEndpoint.values()) {
      list.add(RAW.get(e));
    }
    return Collections.unmodifiableList(list);
  }

  /** Every topic of the platform. */
  public static List<Topic<?, ?>> all() {
    List<Topic<?, ?>> list = new ArrayList<>(rawTopics());
    list.add(GAMES_ENRICHED);
    list.add(GAMES_CHANGES);
    list.add(GAMES_DLQ);
    list.add(GAMES_SIMILAR);
    list.add(SYNC_CURSORS);
    return Collections.unmodifiableList(list);
  }
}

package io.gamedata.recommender.adapter.kafka;

import java.nio.file.Path;

/**
 * What the Kafka side needs to know (mapped from the service config).
 *
 * @param bootstrapServers Kafka bootstrap servers
 * @param enrichedTopic topic of enriched documents (key = game id, null value = deleted)
 * @param similarTopic compacted topic of top-K' lists
 * @param dlqTopic dead-letter topic for unreadable records; empty = log and count only
 * @param publishSimilar whether to publish lists
 * @param listSize K' (kept in the offset snapshot: a restore with another K' rebuilds)
 * @param stateDir directory of the offset snapshot
 * @param snapshotIntervalMs how often consumed offsets are saved
 * @param restoreOnStart restore from the state snapshot, else from the offset snapshot and the
 *     similar topic, when possible
 * @param clientId Kafka client id prefix
 * @param stateIntervalMs how often the full local state snapshot is written (when changed)
 * @param engineFingerprint the engine settings that shape the lists (a state snapshot taken under
 *     other settings is not loaded)
 * @param bulkMinBacklog smallest backlog taken by one full build (see {@code bulk.min.backlog})
 */
public record FollowerSettings(
    String bootstrapServers,
    String enrichedTopic,
    String similarTopic,
    String dlqTopic,
    boolean publishSimilar,
    int listSize,
    Path stateDir,
    long snapshotIntervalMs,
    boolean restoreOnStart,
    String clientId,
    long stateIntervalMs,
    String engineFingerprint,
    int bulkMinBacklog) {}

package io.gamedata.recommender.adapter.kafka;

import io.gamedata.recommender.engine.SimilarityEngine;

/**
 * What the follower's steps ({@link Startup}, {@link LiveLoop}, {@link BulkCatchUp}) share on the
 * writer thread: the settings, the engine, the status others read, the meters, and the helpers
 * bound to this run's producer.
 */
record FollowerParts(
    FollowerSettings settings,
    SimilarityEngine engine,
    FollowerStatus status,
    FollowerMetrics metrics,
    EnrichedRecords records,
    ListPublisher publisher,
    SnapshotWriter snapshots) {}

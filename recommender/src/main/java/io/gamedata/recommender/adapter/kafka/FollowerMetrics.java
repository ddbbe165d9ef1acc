package io.gamedata.recommender.adapter.kafka;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/** The follower's meters. */
final class FollowerMetrics {

  final Timer updateLag;
  final Counter invalidRecords;
  final Counter published;
  final Counter applied;
  final Counter bulkBuilds;
  final Counter generationSwaps;

  private static Counter counter(MeterRegistry meters, String name, String description) {
    return Counter.builder(name).description(description).register(meters);
  }

  FollowerMetrics(MeterRegistry meters, EnrichedFollower follower) {
    this.updateLag =
        Timer.builder("recommender.update.lag")
            .description("time from a record's timestamp to its change applied to the index")
            .publishPercentiles(0.5, 0.99)
            .register(meters);
    this.invalidRecords =
        counter(
            meters,
            "recommender.records.invalid",
            "enriched records that could not be read (sent to the DLQ)");
    this.published =
        counter(
            meters,
            "recommender.lists.published",
            "lists and tombstones published to the similar topic");
    this.applied =
        counter(meters, "recommender.records.applied", "enriched records applied incrementally");
    this.bulkBuilds =
        counter(
            meters,
            "recommender.bulk.builds",
            "backlogs larger than the index taken by one full build");
    this.generationSwaps =
        counter(
            meters,
            "recommender.idf.swaps",
            "IDF generations built in the background and installed");
    Gauge.builder("recommender.republish.backlog", follower, EnrichedFollower::backlog)
        .description("lists of a new IDF generation or bulk build not yet republished")
        .register(meters);
    Gauge.builder("recommender.consumer.lag", follower, EnrichedFollower::lag)
        .description("records of the enriched topic not yet applied (-1 = unknown)")
        .register(meters);
    Gauge.builder("recommender.ready", follower, f -> f.ready() ? 1 : 0)
        .description("1 once caught up with the enriched topic")
        .register(meters);
  }
}
